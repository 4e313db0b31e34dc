using System.Data.Common;
using VcSync.Storage.Changes;
using VcSync.Storage.Cursors;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;
using VcSync.Storage.Watchers;

namespace VcSync.Storage.Writing;

/// <summary>
/// <see cref="IInventoryStore.ApplyChangesAsync"/> for both stores: in one transaction, the fencing check on the watcher
/// row, every synced table's changes (<see cref="DeltaTableWriter"/>) with their history, re-linking of hosts and Dell
/// servers when a host changed, the deletion of the vCenter's incremental-sync cursor, and the watcher row's progress.
/// Either all of it is written or none of it.
/// </summary>
internal sealed class LiveWriter(ISqlDialect dialect, SqlStoreCore core, ServerLinker linker)
{
    public async Task<LiveWriteResult> WriteAsync(
        Func<CancellationToken, Task<DbConnection>> open, LiveWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var connection = await open(cancellationToken);
        await dialect.PrepareSyncWriteAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await core.EnsureVCenterExistsAsync(connection, transaction, write.VCenterId, cancellationToken);
        if (write.WorkerId is { } worker && !await WatcherSql.TouchAsync(dialect, connection, transaction, write.VCenterId, worker, write.At, cancellationToken))
        {
            throw new WatcherFencedException($"vCenter {write.VCenterId} is watched by another worker now; {worker} stops.");
        }

        var changes = new List<ChangeRecord>();
        var writer = new DeltaTableWriter(dialect, connection, transaction, write, changes);
        int inserted = 0, updated = 0, deleted = 0;
        var hostsChanged = false;
        foreach (var table in SyncedTables.All)
        {
            if (await table.WriteAsync(writer, write.Delta.Changed, cancellationToken) is { } written)
            {
                inserted += written.Counts.New;
                updated += written.Counts.Updated;
                deleted += written.Counts.Deleted;
                hostsChanged |= table.Name == SyncedTables.Hosts.Name && written.Counts.Written > 0;
            }
        }

        var history = await ChangeHistoryWriter.InsertAsync(
            connection, write.VCenterId, write.At, ChangeSource.Watch, changes, cancellationToken);
        var linked = 0;
        if (hostsChanged)
        {
            linked = (await linker.LinkAsync(connection, transaction, write.At, write.VCenterId, cancellationToken)).AutoLinked;
        }

        // The inventory is now at a version of the watcher's collector, not the cursor's (the update set may even predate
        // the sync that saved the cursor): an unchanged sync must not confirm what the cursor's collector never reported.
        await SyncCursorSql.DeleteAsync(dialect, connection, transaction, write.VCenterId, cancellationToken);

        if (write.WorkerId is { } owner)
        {
            await WatcherSql.RecordUpdateAsync(dialect, connection, transaction, write, owner, inserted + updated + deleted, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken);
        return new LiveWriteResult(inserted, updated, deleted, history, linked);
    }
}
