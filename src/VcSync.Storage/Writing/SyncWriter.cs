using VcSync.Storage.Schema;
using VcSync.Storage.Servers;

namespace VcSync.Storage.Writing;

/// <summary>
/// <see cref="IInventoryStore.WriteSyncAsync"/> for both stores: one transaction in which <see cref="Steps"/> run in
/// order, then the commit, unless the sync was cancelled meanwhile. Any step that throws rolls all of it back.
/// </summary>
/// <remarks>
/// A check that must hold for the write to commit (e.g. that the job is still this worker's) is a step before
/// <see cref="WriteSyncedTables"/>; something recorded with the write (e.g. change history, from
/// <see cref="SyncWriteContext.Tables"/>) is a step after it.
/// </remarks>
internal sealed class SyncWriter
{
    private readonly ISqlDialect _dialect;

    public SyncWriter(ISqlDialect dialect, SqlStoreCore core, ServerLinker linker)
    {
        _dialect = dialect;
        Steps =
        [
            new JobMustBeHeld(),
            new VCenterMustExist(core),
            new WriteSyncedTables(SyncedTables.All),
            new RecordChangeHistory(),
            new LinkHostsAndServers(linker),
            new RecordSyncSuccess(core),
        ];
    }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<ISyncWriteStep> Steps { get; }

    public async Task<InventoryWriteResult> WriteAsync(
        Func<CancellationToken, Task<System.Data.Common.DbConnection>> open, SyncWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var connection = await open(cancellationToken);
        await _dialect.PrepareSyncWriteAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var context = new SyncWriteContext(connection, transaction, _dialect, write);
        foreach (var step in Steps)
        {
            await step.RunAsync(context, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken);
        return new InventoryWriteResult
        {
            Tables = SyncedTables.All.ToDictionary(
                t => t.Name, t => context.Tables.TryGetValue(t.Name, out var written) ? written.Counts : TableChanges.None, StringComparer.Ordinal),
            AutoLinked = context.AutoLinked,
            Ambiguous = context.Ambiguous,
        };
    }
}
