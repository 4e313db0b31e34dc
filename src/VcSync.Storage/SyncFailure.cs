namespace VcSync.Storage;

/// <summary>A sync that did not complete: recorded on the vCenter's row and in the activity log only.</summary>
public sealed record SyncFailure
{
    /// <summary>The vCenter.</summary>
    public required Guid VCenterId { get; init; }

    /// <summary><c>failed</c> or <c>cancelled</c>.</summary>
    public required SyncStatus Status { get; init; }

    /// <summary>The error, one line.</summary>
    public required string Error { get; init; }

    /// <summary>When the sync ended.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// For a job's sync: the failure commits only while this job is <c>running</c> and held by this worker, else it
    /// throws <see cref="Jobs.JobLostException"/> and rolls back. Null writes unconditionally (the CLI's own syncs).
    /// </summary>
    public Jobs.JobFence? Fence { get; init; }

    /// <summary>Activity rows to insert.</summary>
    public IReadOnlyList<ActivityRecord> Activities { get; init; } = [];
}
