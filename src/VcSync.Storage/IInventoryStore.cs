using VcSync.Storage.Alarms;
using VcSync.Storage.Servers;

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
    /// objects gone from this vCenter only, re-links hosts and Dell servers (across every vCenter), records the sync on
    /// the vCenter's row and inserts the activity rows. Either all of it is written or none of it.
    /// </summary>
    Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a streamed full sync's write, in one transaction held until <c>ISyncWriteSession.CompleteAsync</c>
    /// or until the session is disposed (rolled back): checks the job and the vCenter, then writes the snapshot's
    /// clusters, hosts, datastores and their mounts, networks and host portgroups as <see cref="WriteSyncAsync"/> does.
    /// Its VMs, child rows and alarms are not written: the VMs come page by page, the alarms with the completion.
    /// On SQLite the database's write lock is held from here to the end.
    /// </summary>
    Task<ISyncWriteSession> BeginSyncWriteAsync(SyncWrite write, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>
    /// Applies one update set of the watcher in one transaction: inserts, updates of the changed columns only and
    /// deletes (with child rows), their history rows, re-linking of hosts and servers when a host changed, and the
    /// watcher row's progress. Nothing is written when the watcher row is another worker's.
    /// </summary>
    /// <exception cref="Watchers.WatcherFencedException">Another worker holds the vCenter's watcher row.</exception>
    Task<LiveWriteResult> ApplyChangesAsync(LiveWrite write, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>The vCenter's incremental-sync cursor (see <see cref="Cursors.SyncCursor"/>), or null.</summary>
    Task<Cursors.SyncCursor?> ReadSyncCursorAsync(Guid vcenterId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>
    /// Records a sync that found nothing changed, in one transaction: checks the job (<see cref="Cursors.UnchangedSync.Fence"/>)
    /// and that the vCenter's cursor is still <see cref="Cursors.UnchangedSync.Expected"/>, replaces it with
    /// <see cref="Cursors.UnchangedSync.Next"/>, records the sync on the vCenter's row and inserts the activity rows. No
    /// inventory row is written; the result counts every synced table's rows of the vCenter as unchanged.
    /// </summary>
    /// <exception cref="Cursors.SyncCursorMovedException">The cursor is gone or another: nothing was written.</exception>
    Task<InventoryWriteResult> RecordUnchangedSyncAsync(Cursors.UnchangedSync sync, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>Records a failed or cancelled sync on the vCenter's row and in the activity log; touches no inventory.</summary>
    Task RecordSyncFailureAsync(SyncFailure failure, CancellationToken cancellationToken);

    /// <summary>
    /// The contract columns of one contract table's rows (see <see cref="Schema.ContractSchema"/>), optionally of one
    /// vCenter, for display and comparison. Keys are column names in contract order; values are SQL NULL as null, else
    /// <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="Guid"/> or
    /// <see cref="DateTimeOffset"/> (UTC, milliseconds) alike from every store. Inventory tables are ordered by
    /// vCenter, name and moref, text by code point, so two stores holding the same rows list them in the same order.
    /// </summary>
    /// <exception cref="ArgumentException">The table is not a contract table, or has no vCenter column.</exception>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(
        string table, Guid? vcenterId, CancellationToken cancellationToken);

    /// <summary>The vCenter with this id, or null.</summary>
    Task<VCenterRow?> FindVCenterAsync(Guid id, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>
    /// Changes a vCenter's registration: name, URL, user, TLS settings and <c>enabled</c>, by id. Sync bookkeeping
    /// (<c>last_sync_*</c>, <c>instance_uuid</c>, <c>api_version</c>) is the sync's and is left alone.
    /// </summary>
    /// <returns>False when no vCenter has this id.</returns>
    Task<bool> UpdateVCenterAsync(VCenterRow vcenter, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>Removes a vCenter with all its inventory rows, change history and jobs, in one transaction.</summary>
    /// <returns>False when no vCenter has this id.</returns>
    Task<bool> RemoveVCenterAsync(Guid id, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>The number of rows of every contract table, by table name.</summary>
    Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>
    /// Triggered alarms, newest <c>triggered_at</c> first: <c>vcenter</c> (the vCenter's name), then the contract columns
    /// of <c>vcenter_alarms</c>, values as <see cref="ListRowsAsync"/> returns them.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListAlarmsAsync(AlarmQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>
    /// Servers by service tag: the contract columns of <c>servers</c>, then <c>host_name</c> and <c>vcenter</c> of the
    /// linked host (null when unlinked).
    /// </summary>
    /// <param name="unlinkedOnly">Only servers linked to no host.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListServersAsync(bool unlinkedOnly, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>
    /// Upserts servers by service tag (stored trimmed and upper-cased) and re-links hosts and servers, in one
    /// transaction: all of it or none of it. Servers not in <paramref name="rows"/> are kept.
    /// </summary>
    /// <exception cref="ArgumentException">A service tag is empty or occurs twice.</exception>
    Task<ServerImportResult> ImportServersAsync(IReadOnlyList<ServerImportRow> rows, DateTimeOffset at, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
