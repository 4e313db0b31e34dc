namespace VcSync.Storage.Cursors;

/// <summary>
/// A sync that found nothing changed since its cursor (<see cref="IInventoryStore.RecordUnchangedSyncAsync"/>): no
/// inventory row is written; the vCenter's row and the activity log record a completed sync, and the cursor moves on.
/// </summary>
public sealed record UnchangedSync
{
    /// <summary>The vCenter synced.</summary>
    public required Guid VCenterId { get; init; }

    /// <summary>The cursor the sync read and checked: the write commits only if it is still the vCenter's cursor.</summary>
    public required SyncCursor Expected { get; init; }

    /// <summary>The cursor to save in its place (the version the check returned).</summary>
    public required SyncCursor Next { get; init; }

    /// <summary>The sync's time (<c>last_sync_at</c>).</summary>
    public required DateTimeOffset SyncedAt { get; init; }

    /// <summary><c>about.instanceUuid</c>.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary><c>about.apiVersion</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>For a job's sync: commits only while the worker holds the job, as <see cref="SyncWrite.Fence"/>.</summary>
    public Jobs.JobFence? Fence { get; init; }

    /// <summary>Activity rows to insert.</summary>
    public IReadOnlyList<ActivityRecord> Activities { get; init; } = [];
}
