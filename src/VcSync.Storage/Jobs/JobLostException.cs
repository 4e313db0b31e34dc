namespace VcSync.Storage.Jobs;

/// <summary>A fenced write found its job no longer held by its worker, and rolled back (see <see cref="JobFence"/>).</summary>
public sealed class JobLostException : InvalidOperationException
{
    /// <summary>For the fence that no longer holds.</summary>
    public JobLostException(JobFence fence)
        : base($"job {fence?.JobId} is no longer held by worker {fence?.WorkerId} (another worker took it over); nothing was written")
    {
        Fence = fence;
    }

    /// <summary>Creates the exception.</summary>
    public JobLostException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public JobLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public JobLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The fence that no longer holds.</summary>
    public JobFence? Fence { get; }
}
