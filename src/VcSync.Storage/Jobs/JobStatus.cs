namespace VcSync.Storage.Jobs;

/// <summary>The values of <c>jobs.status</c> and <c>job_tasks.status</c>.</summary>
public static class JobStatus
{
    /// <summary>Waiting for a worker (a job) or for its turn (a task).</summary>
    public const string Pending = "pending";

    /// <summary>A worker holds it.</summary>
    public const string Running = "running";

    /// <summary>Done.</summary>
    public const string Completed = "completed";

    /// <summary>Ended by an error.</summary>
    public const string Failed = "failed";

    /// <summary>Ended by a cancel request.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Whether a job or task in this status is over for good.</summary>
    public static bool IsFinished(string status) => status is Completed or Failed or Cancelled;
}
