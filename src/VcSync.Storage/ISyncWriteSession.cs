using VcSync.Inventory.Records;

namespace VcSync.Storage;

/// <summary>
/// A full sync's write in progress, in one transaction (see <see cref="IInventoryStore.BeginSyncWriteAsync"/>): the VMs
/// arrive page by page, each written as it comes, and <c>CompleteAsync</c> finishes and commits. Disposing it
/// before <c>CompleteAsync</c> returned rolls everything back: the database is exactly as it was.
/// </summary>
/// <remarks>Not thread-safe: one page at a time, then the completion.</remarks>
public interface ISyncWriteSession : IAsyncDisposable
{
    /// <summary>
    /// Writes one page of VMs: the page's <see cref="InventorySnapshot.Vms"/> and their child rows (NICs, disks, partitions,
    /// snapshots; a null list leaves its table alone), compared with the rows of these VMs only. Rows of these VMs that the
    /// page no longer holds (a removed disk) are deleted; other VMs' rows are not touched. The page's other tables are
    /// ignored.
    /// </summary>
    Task WriteVmsAsync(InventorySnapshot page, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the VMs (and their child rows) no page held, writes the triggered alarms (null leaves the table alone), the
    /// change history, re-links hosts and servers, records the sync on the vCenter's row with the activity rows, and
    /// commits. Throws, and writes nothing, when the write's job was lost meanwhile.
    /// </summary>
    Task<InventoryWriteResult> CompleteAsync(
        IReadOnlyList<AlarmRecord>? alarms, IReadOnlyList<ActivityRecord> activities, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="CompleteAsync(IReadOnlyList{AlarmRecord}, IReadOnlyList{ActivityRecord}, CancellationToken)"/>, saving
    /// <paramref name="cursor"/> with the write in place of the one the write began with (<see cref="SyncWrite.Cursor"/>).
    /// </summary>
    Task<InventoryWriteResult> CompleteAsync(
        IReadOnlyList<AlarmRecord>? alarms, IReadOnlyList<ActivityRecord> activities, Cursors.SyncCursor? cursor, CancellationToken cancellationToken);
}
