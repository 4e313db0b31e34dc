using System.Data.Common;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;

namespace VcSync.Storage.Writing;

/// <summary>
/// <see cref="IInventoryStore.WriteSyncAsync"/> and <see cref="IInventoryStore.BeginSyncWriteAsync"/> for both stores:
/// one transaction (a <see cref="SyncWriteSession"/>) in which <see cref="Before"/> runs, the tables are written (the
/// VMs page by page), <see cref="After"/> runs, then the commit, unless the sync was cancelled meanwhile. Any step that
/// throws rolls all of it back. A whole snapshot is written as a streamed write of one page: there is one write path.
/// </summary>
/// <remarks>
/// A check that must hold for the write to commit (e.g. that the job is still this worker's) is a step of
/// <see cref="Before"/> (and of <see cref="After"/> when a long write must check it again); something recorded with the
/// write (e.g. linking, the sync's outcome) is a step of <see cref="After"/>.
/// </remarks>
internal sealed class SyncWriter
{
    private readonly ISqlDialect _dialect;

    public SyncWriter(ISqlDialect dialect, SqlStoreCore core, ServerLinker linker)
    {
        _dialect = dialect;
        Before = [new JobMustBeHeld(), new VCenterMustExist(core)];
        After =
        [
            new RecordChangeHistory(),
            // Checked again: a streamed write stays open for the whole fetch, long enough for a job to be lost.
            new JobMustBeHeld(),
            new LinkHostsAndServers(linker),
            new SaveSyncCursor(),
            new RecordSyncSuccess(core),
        ];
    }

    /// <summary>The steps run when the transaction opens, before any table is written, in order.</summary>
    public IReadOnlyList<ISyncWriteStep> Before { get; }

    /// <summary>The steps run after the last table was written, before the commit, in order.</summary>
    public IReadOnlyList<ISyncWriteStep> After { get; }

    public async Task<InventoryWriteResult> WriteAsync(
        Func<CancellationToken, Task<DbConnection>> open, SyncWrite write, CancellationToken cancellationToken)
    {
        await using var session = await BeginAsync(open, write, cancellationToken);
        await session.WriteVmsAsync(write.Snapshot, cancellationToken);
        return await session.CompleteAsync(write.Snapshot.Alarms, write.Activities, cancellationToken);
    }

    public async Task<SyncWriteSession> BeginAsync(
        Func<CancellationToken, Task<DbConnection>> open, SyncWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var connection = await open(cancellationToken);
        SyncWriteSession? session = null;
        try
        {
            await _dialect.PrepareSyncWriteAsync(connection, cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            session = new SyncWriteSession(new SyncWriteContext(connection, transaction, _dialect, write), After);
            foreach (var step in Before)
            {
                await step.RunAsync(session.Context, cancellationToken);
            }

            await session.WriteWholeAsync(SyncedTables.BeforeVms, write.Snapshot, cancellationToken);
            return session;
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            else
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }
}
