using System.Data.Common;
using System.Text;
using VcSync.Storage.Changes;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>
/// Writes the watcher's changes to one synced table, row by row, with the history: a record with no row is inserted, a
/// record whose row differs gets only its changed columns updated, rows with a key in <see cref="LiveWrite.Delta"/>'s
/// deleted set are deleted. A child table (several key columns) has the rows of each changed or deleted parent replaced.
/// Unlike a full sync's writer it never deletes rows that are simply absent from the records.
/// </summary>
internal sealed class DeltaTableWriter(ISqlDialect dialect, DbConnection connection, DbTransaction transaction, LiveWrite write, List<ChangeRecord> changes)
    : ISyncTableWriter
{
    private const int MaxParameters = 250;
    private const int MaxRowsPerInsert = 500;

    // The watcher's writes are scoped by its delta (changed and deleted keys), never by parents.
    public async Task<TableWrite> WriteAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken) =>
        table.Keys.Count == 1
            ? await WriteObjectsAsync(table, records, cancellationToken)
            : await ReplaceChildrenAsync(table, records, cancellationToken);

    private async Task<TableWrite> WriteObjectsAsync<TRecord>(SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, TRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            byKey[(string)table.KeyOf(record)[0]] = record;
        }

        var wanted = new HashSet<string>(byKey.Keys, StringComparer.Ordinal);
        wanted.UnionWith(write.Delta.Deleted);
        var old = await SyncedRows.ReadAsync(dialect, connection, transaction, table, write.VCenterId, wanted, cancellationToken);
        var follow = ChangeComparer.Follows(table);
        List<string> inserted = [], updated = [], deleted = [];
        List<TRecord> insert = [];
        var unchanged = 0;
        var updates = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (key, record) in byKey)
            {
                var oldValues = old.GetValueOrDefault(key);
                var changedColumns = ChangeComparer.Compare(table, key, oldValues, record, follow ? changes : null);
                if (oldValues is null)
                {
                    insert.Add(record);
                    inserted.Add(key);
                }
                else if (changedColumns.Count > 0)
                {
                    await UpdateAsync(table, key, record, changedColumns, updates, cancellationToken);
                    updated.Add(key);
                }
                else
                {
                    unchanged++;
                }
            }
        }
        finally
        {
            foreach (var command in updates.Values)
            {
                await command.DisposeAsync();
            }
        }

        await InsertAsync(table, insert, cancellationToken);

        foreach (var key in write.Delta.Deleted)
        {
            if (!byKey.ContainsKey(key) && old.TryGetValue(key, out var values))
            {
                await connection.ExecuteAsync(
                    transaction,
                    $"DELETE FROM {table.Name} WHERE source_vcenter_id = @vcenter AND {table.Keys[0].Name} = @key",
                    cancellationToken,
                    dialect.Parameter("vcenter", ColumnKind.Uuid, write.VCenterId),
                    dialect.Parameter("key", ColumnKind.Text, key));
                if (follow)
                {
                    ChangeComparer.Deleted(table, key, values, changes);
                }

                deleted.Add(key);
            }
        }

        return new TableWrite(new TableChanges(inserted.Count, updated.Count, deleted.Count, unchanged), inserted, updated, deleted);
    }

    private async Task<TableWrite> ReplaceChildrenAsync<TRecord>(SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        var parents = new List<string>(write.Delta.Parents);
        parents.AddRange(write.Delta.Deleted.Where(k => !write.Delta.Parents.Contains(k)));
        var removed = 0;
        for (var start = 0; start < parents.Count; start += dialect.KeysPerCondition)
        {
            var chunk = parents.GetRange(start, Math.Min(dialect.KeysPerCondition, parents.Count - start));
            var parameters = new List<DbParameter> { dialect.Parameter("vcenter", ColumnKind.Uuid, write.VCenterId) };
            var condition = dialect.KeyIn(table.Keys[0].Name, chunk, parameters);
            removed += await connection.ExecuteAsync(
                transaction, $"DELETE FROM {table.Name} WHERE source_vcenter_id = @vcenter AND {condition}", cancellationToken, [.. parameters]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<string> inserted = [];
        List<TRecord> insert = [];
        foreach (var record in records)
        {
            var key = string.Join(TableWrite.KeySeparator, table.KeyOf(record).Select(k => ChangeValues.Format(k)));
            if (seen.Add(key))
            {
                insert.Add(record);
                inserted.Add(key);
            }
        }

        await InsertAsync(table, insert, cancellationToken);

        // Rows put back as they were count as unchanged, not as a deletion and an insertion.
        var kept = Math.Min(removed, inserted.Count);
        return new TableWrite(new TableChanges(inserted.Count - kept, 0, removed - kept, kept), inserted, [], []);
    }

    // Many rows per statement: a burst of changes is a few statements, not one per row.
    private async Task InsertAsync<TRecord>(SyncedTable<TRecord> table, List<TRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var names = new List<string>();
        if (table.HasIdentity)
        {
            names.Add("id");
        }

        names.Add("source_vcenter_id");
        names.AddRange(table.Keys.Select(k => k.Name));
        names.AddRange(table.Columns.Select(c => c.Name));
        if (table.HasIdentity)
        {
            names.AddRange(["first_seen_at", "last_sync_at"]);
        }

        var at = ContractValue.Truncate(write.At);
        var perStatement = Math.Clamp(MaxParameters / names.Count, 1, MaxRowsPerInsert);
        for (var start = 0; start < records.Count; start += perStatement)
        {
            var sql = new StringBuilder($"INSERT INTO {table.Name} (").AppendJoin(", ", names).Append(") VALUES ");
            var parameters = new List<DbParameter>();
            void Add(ColumnKind kind, object? value)
            {
                sql.Append(parameters.Count % names.Count == 0 ? "(@c" : ", @c").Append(parameters.Count);
                parameters.Add(dialect.Parameter("c" + parameters.Count, kind, value));
                if (parameters.Count % names.Count == 0)
                {
                    sql.Append(')');
                }
            }

            for (var r = start; r < Math.Min(records.Count, start + perStatement); r++)
            {
                sql.Append(r == start ? string.Empty : ", ");
                var record = records[r];
                if (table.HasIdentity)
                {
                    Add(ColumnKind.Uuid, Guid.CreateVersion7());
                }

                Add(ColumnKind.Uuid, write.VCenterId);
                var keys = table.KeyOf(record);
                for (var i = 0; i < keys.Length; i++)
                {
                    Add(table.Keys[i].Kind, keys[i]);
                }

                foreach (var column in table.Columns)
                {
                    Add(column.Kind, column.Read(record));
                }

                if (table.HasIdentity)
                {
                    Add(ColumnKind.Timestamp, at);
                    Add(ColumnKind.Timestamp, at);
                }
            }

            await connection.ExecuteAsync(transaction, sql.ToString(), cancellationToken, [.. parameters]);
        }
    }

    // Rows changed in the same columns (a burst of power-ons) share one prepared statement.
    private async Task UpdateAsync<TRecord>(
        SyncedTable<TRecord> table, string key, TRecord record, List<int> changed, Dictionary<string, DbCommand> commands, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"UPDATE {table.Name} SET ");
        var parameters = new List<DbParameter>();
        foreach (var index in changed)
        {
            var column = table.Columns[index];
            sql.Append(column.Name).Append(" = @c").Append(parameters.Count).Append(", ");
            parameters.Add(dialect.Parameter("c" + parameters.Count, column.Kind, column.Read(record)));
        }

        if (table.HasIdentity)
        {
            sql.Append("last_sync_at = @at");
            parameters.Add(dialect.Parameter("at", ColumnKind.Timestamp, ContractValue.Truncate(write.At)));
        }
        else
        {
            sql.Length -= 2;
        }

        sql.Append(" WHERE source_vcenter_id = @vcenter AND ").Append(table.Keys[0].Name).Append(" = @key");
        parameters.Add(dialect.Parameter("vcenter", ColumnKind.Uuid, write.VCenterId));
        parameters.Add(dialect.Parameter("key", ColumnKind.Text, key));
        var text = sql.ToString();
        if (!commands.TryGetValue(text, out var command))
        {
            commands[text] = command = connection.Command(transaction, text);
        }

        command.Parameters.Clear();
        command.Parameters.AddRange(parameters.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
