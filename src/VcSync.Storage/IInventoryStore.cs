namespace VcSync.Storage;

/// <summary>
/// The database behind VcSync: the inventory tables of the schema contract, the registered vCenters and the
/// activity log. SQLite and PostgreSQL implement it alike; callers never see which one they hold.
/// </summary>
public interface IInventoryStore : IAsyncDisposable
{
    /// <summary>Brings the schema up to date. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>All registered vCenters, by name.</summary>
    Task<IReadOnlyList<VCenterRow>> ListVCentersAsync(CancellationToken cancellationToken);

    /// <summary>The vCenter with this name, or null.</summary>
    Task<VCenterRow?> FindVCenterByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>The vCenter registered for this URL, or null.</summary>
    Task<VCenterRow?> FindVCenterByUrlAsync(string url, CancellationToken cancellationToken);

    /// <summary>Registers a vCenter and returns its row.</summary>
    Task<VCenterRow> AddVCenterAsync(VCenterRegistration registration, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one full sync in one transaction: upserts every inventory table with change detection, deletes rows of
    /// objects gone from this vCenter only, records the sync on the vCenter's row and inserts the activity rows.
    /// Either all of it is written or none of it.
    /// </summary>
    Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken);

    /// <summary>Records a failed or cancelled sync on the vCenter's row and in the activity log; touches no inventory.</summary>
    Task RecordSyncFailureAsync(SyncFailure failure, CancellationToken cancellationToken);

    /// <summary>The contract columns of one inventory table's rows, optionally of one vCenter, for display.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(
        string table, Guid? vcenterId, CancellationToken cancellationToken);
}
