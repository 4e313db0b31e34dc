using VcSync.Inventory.Records;

namespace VcSync.Storage;

/// <summary>Everything a successful full sync writes, in one transaction.</summary>
public sealed record SyncWrite
{
    /// <summary>The vCenter synced.</summary>
    public required Guid VCenterId { get; init; }

    /// <summary>What was read.</summary>
    public required InventorySnapshot Snapshot { get; init; }

    /// <summary>The sync's time: <c>first_seen_at</c> of new rows and <c>last_sync_at</c> of changed ones.</summary>
    public required DateTimeOffset SyncedAt { get; init; }

    /// <summary><c>about.instanceUuid</c>.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary><c>about.apiVersion</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>
    /// For a job's sync: the write commits only while this job is <c>running</c> and held by this worker, else it
    /// throws <see cref="Jobs.JobLostException"/> and rolls back. Null writes unconditionally (the CLI's own syncs).
    /// </summary>
    public Jobs.JobFence? Fence { get; init; }

    /// <summary>
    /// The incremental-sync cursor the written inventory is at, saved with it; null deletes the vCenter's cursor (the
    /// database no longer matches any collector's version).
    /// </summary>
    public Cursors.SyncCursor? Cursor { get; init; }

    /// <summary>
    /// Null (a full sync): the VMs no page held are deleted. Set: only the pages' VMs and <see cref="Cursors.ChangedVms.Gone"/>
    /// are written; the VM tables' counts of rows left alone are reported as unchanged.
    /// </summary>
    public Cursors.ChangedVms? ChangedVmsOnly { get; init; }

    /// <summary>Activity rows to insert with the write.</summary>
    public IReadOnlyList<ActivityRecord> Activities { get; init; } = [];
}
