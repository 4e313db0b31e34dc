using VcSync.Storage.Cursors;
using VcSync.Inventory.Records;
using VcSync.Storage;

namespace VcSync.Bench;

/// <summary>Passes a streamed sync's write to the real session and hands its completion's result to <paramref name="completed"/>.</summary>
internal sealed class RecordingSyncWriteSession(ISyncWriteSession inner, Action<InventoryWriteResult> completed) : ISyncWriteSession
{
    public Task WriteVmsAsync(InventorySnapshot page, CancellationToken cancellationToken) => inner.WriteVmsAsync(page, cancellationToken);

    public Task<InventoryWriteResult> CompleteAsync(
        IReadOnlyList<AlarmRecord>? alarms, IReadOnlyList<ActivityRecord> activities, CancellationToken cancellationToken) =>
        CompleteAsync(alarms, activities, null, cancellationToken);

    public async Task<InventoryWriteResult> CompleteAsync(
        IReadOnlyList<AlarmRecord>? alarms, IReadOnlyList<ActivityRecord> activities, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        var result = await inner.CompleteAsync(alarms, activities, cursor, cancellationToken);
        completed(result);
        return result;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
