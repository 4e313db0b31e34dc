using VcSync.Storage;

namespace VcSync.Bench;

/// <summary>
/// Passes every call to the real store and keeps the last <see cref="InventoryWriteResult"/>, whose
/// <see cref="InventoryWriteResult.RowsWritten"/> counts every table (the sync result leaves datastore mounts out).
/// </summary>
internal sealed class RecordingStore(IInventoryStore inner) : IInventoryStore
{
    public InventoryWriteResult? LastWrite { get; private set; }

    public async Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken)
    {
        LastWrite = null;
        LastWrite = await inner.WriteSyncAsync(write, cancellationToken);
        return LastWrite;
    }

    // The full sync streams its write through a session since the fourth pass; its completion carries the result.
    public async Task<ISyncWriteSession> BeginSyncWriteAsync(SyncWrite write, CancellationToken cancellationToken)
    {
        LastWrite = null;
        return new RecordingSyncWriteSession(await inner.BeginSyncWriteAsync(write, cancellationToken), result => LastWrite = result);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<VCenterRow>> ListVCentersAsync(CancellationToken cancellationToken) => inner.ListVCentersAsync(cancellationToken);

    public Task<VCenterRow?> FindVCenterByNameAsync(string name, CancellationToken cancellationToken) =>
        inner.FindVCenterByNameAsync(name, cancellationToken);

    public Task<VCenterRow?> FindVCenterByUrlAsync(string url, CancellationToken cancellationToken) =>
        inner.FindVCenterByUrlAsync(url, cancellationToken);

    public Task<VCenterRow> AddVCenterAsync(VCenterRegistration registration, CancellationToken cancellationToken) =>
        inner.AddVCenterAsync(registration, cancellationToken);

    public Task RecordSyncFailureAsync(SyncFailure failure, CancellationToken cancellationToken) =>
        inner.RecordSyncFailureAsync(failure, cancellationToken);

    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(string table, Guid? vcenterId, CancellationToken cancellationToken) =>
        inner.ListRowsAsync(table, vcenterId, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
