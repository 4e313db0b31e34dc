using VcSync.Storage.Changes;

namespace VcSync.Storage.Writing;

/// <summary>
/// Inserts the history rows the table writes recorded since it last ran (see <see cref="HistoryRecordingTableWriter"/>)
/// in the same transaction, and forgets them: a streamed write runs it after every page, so they never pile up.
/// </summary>
internal sealed class RecordChangeHistory : ISyncWriteStep
{
    public async Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken)
    {
        context.HistoryRows += await ChangeHistoryWriter.InsertAsync(
            context.Connection, context.Write.VCenterId, context.Write.SyncedAt, context.ChangeSource,
            context.Changes, cancellationToken);
        context.Changes.Clear();
    }
}
