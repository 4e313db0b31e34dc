namespace VcSync.Storage.Cursors;

/// <summary>
/// The vCenter's cursor is not the one the unchanged sync checked (another sync or the watcher wrote meanwhile): nothing
/// was written; run a full sync.
/// </summary>
public sealed class SyncCursorMovedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncCursorMovedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SyncCursorMovedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SyncCursorMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
