using VcSync.Storage.Changes;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>
/// Wraps a full sync's table writer to record the change history: reads the vCenter's rows of each object table (or of the
/// page's keys) before the writer runs, and compares them with the records the way the writer does (contract values of the compared columns).
/// A writer that reports the old values of the rows it changed (SQLite's, which read them anyway) is not read before:
/// the rows it left unchanged have no history, and the others are compared with the old values it reports.
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

        if (inner.ReportsOldRows)
        {
            return await WriteReportedAsync(table, records, parents, cancellationToken);
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

    // The same history as comparing every record with its old row: a row the writer left unchanged compares equal in
    // every column, and the rows it inserted, updated and deleted are in its report, in the records' order then the
    // old rows' order as before.
    private async Task<TableWrite> WriteReportedAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken)
    {
        var written = await inner.WriteAsync(table, records, parents, cancellationToken);
        var old = written.Old ?? throw new InvalidOperationException($"The writer of {table.Name} did not report the old rows.");
        if (written.Inserted.Count > 0 || old.Count > 0)
        {
            var inserted = new HashSet<string>(written.Inserted, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                var key = (string)table.KeyOf(record)[0];
                if (seen.Add(key) && (inserted.Contains(key) || old.ContainsKey(key)))
                {
                    ChangeComparer.Compare(table, key, old.GetValueOrDefault(key), record, context.Changes);
                }
            }

            foreach (var key in written.Deleted)
            {
                ChangeComparer.Deleted(table, key, old[key], context.Changes);
            }
        }

        return written;
    }
}
