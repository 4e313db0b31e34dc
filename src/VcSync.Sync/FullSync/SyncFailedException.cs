namespace VcSync.Sync.FullSync;

/// <summary>A sync that did not complete; the database holds what it held before. The message is one line.</summary>
public sealed class SyncFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncFailedException(string message, bool cancelled, Exception innerException)
        : base(message, innerException)
    {
        Cancelled = cancelled;
    }

    /// <summary>Creates the exception.</summary>
    public SyncFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SyncFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SyncFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the sync was cancelled rather than failed.</summary>
    public bool Cancelled { get; }
}
