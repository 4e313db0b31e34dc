namespace VcSync.Storage.Watchers;

/// <summary>The watcher row of the vCenter is held by another worker (this one went stale and was taken over): nothing was written.</summary>
public sealed class WatcherFencedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public WatcherFencedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WatcherFencedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WatcherFencedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
