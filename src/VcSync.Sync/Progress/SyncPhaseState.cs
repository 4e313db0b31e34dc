namespace VcSync.Sync.Progress;

/// <summary>Where a phase stands.</summary>
public enum SyncPhaseState
{
    /// <summary>Not started.</summary>
    Pending,

    /// <summary>Under way.</summary>
    Running,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Ended by an error.</summary>
    Failed,

    /// <summary>Ended by cancellation.</summary>
    Cancelled,
}
