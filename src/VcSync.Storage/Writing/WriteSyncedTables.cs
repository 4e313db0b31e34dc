using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>Writes every synced table the snapshot holds, with the dialect's table writer, into <see cref="SyncWriteContext.Tables"/>.</summary>
internal sealed class WriteSyncedTables(IReadOnlyList<ISyncedTable> tables) : ISyncWriteStep
{
    public async Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken)
    {
        var write = context.Write;
        var writer = new HistoryRecordingTableWriter(
            context.Dialect.TableWriter(context.Connection, context.Transaction, write.VCenterId, write.SyncedAt), context);
        foreach (var table in tables)
        {
            if (await table.WriteAsync(writer, write.Snapshot, cancellationToken) is { } written)
            {
                context.Tables.Add(table.Name, written);
            }
        }
    }
}
