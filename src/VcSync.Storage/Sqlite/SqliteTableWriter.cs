using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using VcSync.Storage.Schema;
using VcSync.Storage.Writing;

namespace VcSync.Storage.Sqlite;

/// <summary>
/// Writes one sync's rows of one table into SQLite: loads the vCenter's existing rows once, diffs them in memory
/// against the records as SQLite would store them, and runs prepared, reused statements for the rows that differ
/// only. SQLite has no COPY, but a prepared statement per row inside one transaction is what it is fastest at. A page of
/// a streamed sync loads and compares the rows of its own VMs only.
/// </summary>
internal sealed class SqliteTableWriter : ISyncTableWriter
{
    // How often a long loop looks at the cancellation token; statements themselves are not cancellable.
    private const int CancellationStride = 512;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _vcenterId;
    private readonly string _syncedAt;

    public SqliteTableWriter(SqliteConnection connection, SqliteTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt)
    {
        _connection = connection;
        _transaction = transaction;
        _vcenterId = (string)SqliteDialect.ToStored(ColumnKind.Uuid, vcenterId);
        _syncedAt = (string)SqliteDialect.ToStored(ColumnKind.Timestamp, ContractValue.Truncate(syncedAt));
    }

    public Task<TableWrite> WriteAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken) =>
        Task.FromResult(Write(table, records, parents, cancellationToken));

    private TableWrite Write<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken)
    {
        var keys = table.Keys.Count;
        var columns = table.Columns;
        var existing = LoadExisting(table, parents);
        var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
        List<string> inserted = [], updated = [];
        SqliteRowStatement? insert = null;
        SqliteRowStatement? update = null;
        try
        {
            for (var r = 0; r < records.Count; r++)
            {
                if (r % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var record = records[r];
                var keyValues = Stored(table.Keys, table.KeyOf(record));
                var key = KeyText(keyValues);
                if (!seen.Add(key))
                {
                    if (table.CollapseDuplicates)
                    {
                        continue;
                    }

                    throw new ArgumentException($"{table.Name}: {KeyNames(table)} '{key}' occurs twice in the snapshot.", nameof(records));
                }

                var values = new object[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = SqliteDialect.ToStored(columns[i].Kind, columns[i].Read(record));
                }

                if (!existing.TryGetValue(key, out var row))
                {
                    insert ??= new SqliteRowStatement(_connection, InsertSql(table));
                    var p = 0;
                    if (table.HasIdentity)
                    {
                        // Version 7: time-ordered, so new rows append to the primary key index instead of scattering.
                        insert.Bind(p++, Guid.CreateVersion7().ToString("D"));
                        insert.Bind(p++, _syncedAt);
                    }

                    insert.Bind(p++, _vcenterId);
                    insert.Bind(p, keyValues);
                    insert.Bind(p + keys, values);
                    insert.Execute();
                    inserted.Add(key);
                }
                else if (!SameValues(row.Values, values))
                {
                    update ??= new SqliteRowStatement(_connection, UpdateSql(table));
                    var p = 0;
                    if (table.HasIdentity)
                    {
                        update.Bind(p++, _syncedAt);
                    }

                    update.Bind(p++, _vcenterId);
                    update.Bind(p, keyValues);
                    update.Bind(p + keys, values);
                    update.Execute();
                    updated.Add(key);
                }
            }
        }
        finally
        {
            insert?.Dispose();
            update?.Dispose();
        }

        var deleted = DeleteGone(table, existing, seen, cancellationToken);
        var unchanged = seen.Count - inserted.Count - updated.Count;
        return new TableWrite(new TableChanges(inserted.Count, updated.Count, deleted.Count, unchanged), inserted, updated, deleted);
    }

    // The vCenter's rows, or those of the parents only (a page of a streamed sync). The parents go in as one JSON array
    // read by json_each: Microsoft.Data.Sqlite binds and checks every named parameter by a linear search of the
    // statement's names, so an IN list of hundreds of parameters cost quadratic time per page (4 % of a 45k sync).
    private Dictionary<string, ExistingRow> LoadExisting<TRecord>(SyncedTable<TRecord> table, IReadOnlyCollection<string>? parents)
    {
        var select = new StringBuilder("SELECT ")
            .AppendJoin(", ", table.Keys.Select(k => k.Name).Concat(table.Columns.Select(c => c.Name)))
            .Append(" FROM ").Append(table.Name).Append(" WHERE source_vcenter_id = $p0");
        if (parents is not null)
        {
            select.Append(" AND ").Append(table.Keys[0].Name).Append(" IN (SELECT value FROM json_each($p1))");
        }

        var rows = new Dictionary<string, ExistingRow>(StringComparer.Ordinal);
        if (parents is { Count: 0 })
        {
            return rows;
        }

        using var command = Command(select.ToString(), parents is null ? 1 : 2);
        command.Parameters[0].Value = _vcenterId;
        if (parents is not null)
        {
            command.Parameters[1].Value = JsonArray(parents);
        }

        ReadExisting(table, command, rows);
        return rows;
    }

    private static string JsonArray(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void ReadExisting<TRecord>(SyncedTable<TRecord> table, SqliteCommand select, Dictionary<string, ExistingRow> rows)
    {
        var keys = table.Keys.Count;
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var keyValues = new object[keys];
            for (var i = 0; i < keys; i++)
            {
                keyValues[i] = reader.GetValue(i);
            }

            var values = new object[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(keys + i);
            }

            rows.Add(KeyText(keyValues), new ExistingRow(keyValues, values));
        }
    }

    private List<string> DeleteGone<TRecord>(
        SyncedTable<TRecord> table, Dictionary<string, ExistingRow> existing, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        SqliteRowStatement? delete = null;
        try
        {
            foreach (var (key, row) in existing)
            {
                if (seen.Contains(key))
                {
                    continue;
                }

                if (deleted.Count % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                delete ??= new SqliteRowStatement(_connection, $"DELETE FROM {table.Name} WHERE {KeyMatch(table, 0)}");
                delete.Bind(0, _vcenterId);
                delete.Bind(1, row.Keys);
                delete.Execute();
                deleted.Add(key);
            }
        }
        finally
        {
            delete?.Dispose();
        }

        return deleted;
    }

    private static object[] Stored<TRecord>(IReadOnlyList<SyncedColumn<TRecord>> columns, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = SqliteDialect.ToStored(columns[i].Kind, values[i]);
        }

        return values;
    }

    private static string KeyText(object[] stored) =>
        stored.Length == 1
            ? Convert.ToString(stored[0], CultureInfo.InvariantCulture)!
            : string.Join(TableWrite.KeySeparator, stored.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string KeyNames<TRecord>(SyncedTable<TRecord> table) => string.Join(", ", table.Keys.Select(k => k.Name));

    private static bool SameValues(object[] stored, object[] values)
    {
        for (var i = 0; i < stored.Length; i++)
        {
            if (!stored[i].Equals(values[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Parameters: [$p0 id, $p1 time,] vCenter, keys, columns.
    private static string InsertSql<TRecord>(SyncedTable<TRecord> table)
    {
        var names = new List<string>();
        if (table.HasIdentity)
        {
            // first_seen_at and last_sync_at are the same value on insert.
            names.AddRange(["id", "first_seen_at", "last_sync_at"]);
        }

        names.Add("source_vcenter_id");
        names.AddRange(table.Keys.Select(k => k.Name));
        names.AddRange(table.Columns.Select(c => c.Name));
        var parameters = new List<string>();
        var p = 0;
        if (table.HasIdentity)
        {
            parameters.AddRange(["$p0", "$p1", "$p1"]);
            p = 2;
        }

        for (; parameters.Count < names.Count; p++)
        {
            parameters.Add(P(p));
        }

        return $"INSERT INTO {table.Name} ({string.Join(", ", names)}) VALUES ({string.Join(", ", parameters)})";
    }

    // Parameters: [$p0 time,] vCenter, keys, columns.
    private static string UpdateSql<TRecord>(SyncedTable<TRecord> table)
    {
        var first = table.HasIdentity ? 1 : 0;
        var set = new List<string>();
        if (table.HasIdentity)
        {
            set.Add("last_sync_at = $p0");
        }

        var p = first + 1 + table.Keys.Count;
        foreach (var column in table.Columns)
        {
            set.Add($"{column.Name} = {P(p++)}");
        }

        return $"UPDATE {table.Name} SET {string.Join(", ", set)} WHERE {KeyMatch(table, first)}";
    }

    private static string KeyMatch<TRecord>(SyncedTable<TRecord> table, int first)
    {
        var match = new StringBuilder("source_vcenter_id = ").Append(P(first));
        for (var i = 0; i < table.Keys.Count; i++)
        {
            match.Append(" AND ").Append(table.Keys[i].Name).Append(" = ").Append(P(first + 1 + i));
        }

        return match.ToString();
    }

    private static string P(int index) => "$p" + index.ToString(CultureInfo.InvariantCulture);

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter(P(i), DBNull.Value));
        }

        return command;
    }

    private sealed record ExistingRow(object[] Keys, object[] Values);
}
