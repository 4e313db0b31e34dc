using System.Data.Common;
using VcSync.Storage.Cursors;
using VcSync.Storage.Jobs;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;

namespace VcSync.Storage.Writing;

/// <summary>
/// <see cref="IInventoryStore.RecordUnchangedSyncAsync"/> for both stores: in one transaction, the checks of a full
/// write's <see cref="SyncWriter.Before"/> (job fence, vCenter registered), the cursor moved from
/// <see cref="UnchangedSync.Expected"/> to <see cref="UnchangedSync.Next"/> only if it is still there, the sync recorded
/// on the vCenter's row with its activity rows, the hosts and servers linked as after any sync (a server import may have
/// come in between; links already right cost no write), then the commit. No inventory or history row is written.
/// </summary>
/// <remarks>
/// The checks are called directly rather than by running the <see cref="ISyncWriteStep"/>s over a <see cref="SyncWrite"/>
/// made up for the purpose: a write's snapshot is the whole inventory, and an empty one that ever reached a table
/// writer would delete it.
/// </remarks>
internal sealed class UnchangedSyncWriter(ISqlDialect dialect, SqlStoreCore core, ServerLinker linker)
{
    public async Task<InventoryWriteResult> WriteAsync(
        Func<CancellationToken, Task<DbConnection>> open, UnchangedSync sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(sync.Expected);
        ArgumentNullException.ThrowIfNull(sync.Next);
        await using var connection = await open(cancellationToken);
        await dialect.PrepareSyncWriteAsync(connection, cancellationToken);
        // Disposed uncommitted, it rolls back: a check that throws leaves nothing written.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await JobFenceCheck.EnsureHeldAsync(connection, transaction, dialect, sync.Fence, cancellationToken);
        await core.EnsureVCenterExistsAsync(connection, transaction, sync.VCenterId, cancellationToken);
        if (!await SyncCursorSql.AdvanceAsync(dialect, connection, transaction, sync.VCenterId, sync.Expected, sync.Next, sync.SyncedAt, cancellationToken))
        {
            throw new SyncCursorMovedException(
                $"The sync cursor of vCenter {sync.VCenterId} is no longer collector {sync.Expected.Collector} at version " +
                $"{sync.Expected.Version} (another sync or the watcher wrote its inventory meanwhile); nothing was written.");
        }

        await core.RecordSyncSuccessAsync(connection, transaction, sync.VCenterId, sync.InstanceUuid, sync.ApiVersion, sync.SyncedAt, cancellationToken);
        await core.InsertActivitiesAsync(connection, transaction, sync.Activities, cancellationToken);
        var links = await linker.LinkAsync(connection, transaction, sync.SyncedAt, sync.VCenterId, cancellationToken);
        var tables = new Dictionary<string, TableChanges>(StringComparer.Ordinal);
        foreach (var table in SyncedTables.All)
        {
            // Counted in the transaction: the rows the cursor confirms, as a full sync that changed nothing would count them.
            var rows = await VCenterRows.CountAsync(connection, transaction, dialect, table.Name, sync.VCenterId, cancellationToken);
            tables.Add(table.Name, new TableChanges(0, 0, 0, rows));
        }

        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken);
        return new InventoryWriteResult { Tables = tables, AutoLinked = links.AutoLinked, Ambiguous = links.Ambiguous };
    }
}
