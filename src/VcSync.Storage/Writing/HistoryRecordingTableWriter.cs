using VcSync.Storage.Changes;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>
/// Wraps a full sync's table writer to record the change history: reads the vCenter's rows of each object table (or of the
/// page's keys) before the writer runs, and compares them with the records the way the writer does (contract values of the compared columns).
/// </summary>
internal sealed class HistoryRecordingTableWriter(ISyncTableWriter inner, SyncWriteContext context) : ISyncTableWriter
{
    public async Task<TableWrite> WriteAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken)
    {
        if (!ChangeComparer.Follows(table))
        {
            return await inner.WriteAsync(table, records, parents, cancellationToken);
        }

        // A followed table has one key column, so its parents are its own keys: a page reads only its own old rows.
        var old = await SyncedRows.ReadAsync(
            context.Dialect, context.Connection, context.Transaction, table, context.Write.VCenterId, parents, cancellationToken);
        var written = await inner.WriteAsync(table, records, parents, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var key = (string)table.KeyOf(record)[0];
            if (seen.Add(key))
            {
                ChangeComparer.Compare(table, key, old.GetValueOrDefault(key), record, context.Changes);
            }
        }

        foreach (var (key, values) in old)
        {
            if (!seen.Contains(key))
            {
                ChangeComparer.Deleted(table, key, values, context.Changes);
            }
        }

        return written;
    }
}
