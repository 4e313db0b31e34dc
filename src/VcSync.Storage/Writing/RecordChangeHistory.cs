using VcSync.Storage.Changes;

namespace VcSync.Storage.Writing;

/// <summary>Inserts the history rows the table writes recorded (see <see cref="HistoryRecordingTableWriter"/>) in the same transaction.</summary>
internal sealed class RecordChangeHistory : ISyncWriteStep
{
    public async Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken) =>
        context.HistoryRows = await ChangeHistoryWriter.InsertAsync(
            context.Dialect, context.Connection, context.Transaction, context.Write.VCenterId, context.Write.SyncedAt, context.ChangeSource,
            context.Changes, cancellationToken);
}
