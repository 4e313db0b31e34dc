using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
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

    // Keys bound per SELECT of a page's existing rows.
    private const int KeysPerStatement = 500;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _vcenterId;
    private readonly string _syncedAt;

    // The rows of the table and page being written: one buffer for the whole sync (see StoredRows.Reset).
    private readonly StoredRows _existing = new(1);
    private readonly StoredRows.Encoder _encoder = new();

    public SqliteTableWriter(SqliteConnection connection, SqliteTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt)
    {
        _connection = connection;
        _transaction = transaction;
        _vcenterId = (string)SqliteDialect.ToStored(ColumnKind.Uuid, vcenterId);
        _syncedAt = (string)SqliteDialect.ToStored(ColumnKind.Timestamp, ContractValue.Truncate(syncedAt));
    }

    /// <inheritdoc />
    public bool ReportsOldRows => true;

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
        var old = new Dictionary<string, object?[]>(StringComparer.Ordinal);
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

                if (!existing.Rows.TryGetValue(key, out var row))
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
                    insert.Bind(p + keys, StoredValues(columns, record));
                    insert.Execute();
                    inserted.Add(key);
                }
                else if (!Same(existing, row, _encoder, columns, record))
                {
                    update ??= new SqliteRowStatement(_connection, UpdateSql(table));
                    var p = 0;
                    if (table.HasIdentity)
                    {
                        update.Bind(p++, _syncedAt);
                    }

                    update.Bind(p++, _vcenterId);
                    update.Bind(p, keyValues);
                    update.Bind(p + keys, StoredValues(columns, record));
                    update.Execute();
                    updated.Add(key);
                    old.Add(key, existing.ContractValues(row, columns));
                }
            }
        }
        finally
        {
            insert?.Dispose();
            update?.Dispose();
        }

        var deleted = DeleteGone(table, existing, seen, old, cancellationToken);
        var unchanged = seen.Count - inserted.Count - updated.Count;
        return new TableWrite(new TableChanges(inserted.Count, updated.Count, deleted.Count, unchanged), inserted, updated, deleted) { Old = old };
    }

    // The vCenter's rows, or those of the parents only (a page of a streamed sync), chunked so that a statement binds
    // a few hundred parameters at most. Read through SQLite's own API with parameters bound by position: Microsoft.Data.Sqlite
    // looks every parameter up by name (a linear search of the statement's names, quadratic over a chunk of 500 keys)
    // and hands each value over as an object.
    private StoredRows LoadExisting<TRecord>(SyncedTable<TRecord> table, IReadOnlyCollection<string>? parents)
    {
        var select = new StringBuilder("SELECT ")
            .AppendJoin(", ", table.Keys.Select(k => k.Name).Concat(table.Columns.Select(c => c.Name)))
            .Append(" FROM ").Append(table.Name).Append(" WHERE source_vcenter_id = ?").ToString();
        var rows = _existing;
        rows.Reset(table.Keys.Count);
        if (parents is null)
        {
            Read(select, []);
            return rows;
        }

        var list = parents as IReadOnlyList<string> ?? [.. parents];
        for (var start = 0; start < list.Count; start += KeysPerStatement)
        {
            var count = Math.Min(KeysPerStatement, list.Count - start);
            var sql = new StringBuilder(select).Append(" AND ").Append(table.Keys[0].Name).Append(" IN (?");
            for (var i = 1; i < count; i++)
            {
                sql.Append(", ?");
            }

            sql.Append(')');
            Read(sql.ToString(), list.Skip(start).Take(count));
        }

        return rows;

        void Read(string sql, IEnumerable<string> keys)
        {
            var db = _connection.Handle!;
            SqliteRowStatement.Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
            using (statement)
            {
                SqliteRowStatement.Check(raw.sqlite3_bind_text(statement, 1, _vcenterId), db);
                var position = 2;
                foreach (var key in keys)
                {
                    SqliteRowStatement.Check(raw.sqlite3_bind_text(statement, position++, key), db);
                }

                rows.ReadAll(db, statement, table.Columns.Count);
            }
        }
    }

    private List<string> DeleteGone<TRecord>(
        SyncedTable<TRecord> table, StoredRows existing, HashSet<string> seen, Dictionary<string, object?[]> old, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        SqliteRowStatement? delete = null;
        try
        {
            foreach (var (key, row) in existing.Rows)
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
                delete.Bind(1, existing.Keys(row));
                delete.Execute();
                deleted.Add(key);
                old.Add(key, existing.ContractValues(row, table.Columns));
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

    // A new row needs no encoding: only a record with an existing row is compared.
    private static bool Same<TRecord>(StoredRows existing, StoredRows.Row row, StoredRows.Encoder encoder, IReadOnlyList<SyncedColumn<TRecord>> columns, TRecord record)
    {
        encoder.Clear();
        for (var i = 0; i < columns.Count; i++)
        {
            encoder.Append(columns[i].Kind, columns[i].Read(record));
        }

        return existing.Same(row, encoder.Encoded);
    }

    private static object[] StoredValues<TRecord>(IReadOnlyList<SyncedColumn<TRecord>> columns, TRecord record)
    {
        var values = new object[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = SqliteDialect.ToStored(columns[i].Kind, columns[i].Read(record));
        }

        return values;
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
}
