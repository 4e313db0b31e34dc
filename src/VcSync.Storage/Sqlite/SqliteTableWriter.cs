using System.Text;
using Microsoft.Data.Sqlite;
using VcSync.Inventory.Records;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Sqlite;

/// <summary>
/// Writes one sync's rows of one table into SQLite: loads the vCenter's existing rows once, diffs them in memory
/// against the records as SQLite would store them, and runs prepared, reused statements for the rows that differ
/// only. SQLite has no COPY, but a prepared statement per row inside one transaction is what it is fastest at.
/// </summary>
internal sealed class SqliteTableWriter
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

    public TableChanges Write<TRecord>(SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var existing = LoadExisting(table);
        var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
        SqliteCommand? insert = null;
        SqliteCommand? update = null;
        int inserted = 0, updated = 0, unchanged = 0;
        try
        {
            for (var r = 0; r < records.Count; r++)
            {
                if (r % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var record = records[r];
                var key = table.KeyOf(record)
                    ?? throw new ArgumentException($"A record for {table.Name} has no {table.KeyColumn}.", nameof(records));
                if (!seen.Add(key))
                {
                    throw new ArgumentException($"{table.Name}: {table.KeyColumn} '{key}' occurs twice in the snapshot.", nameof(records));
                }

                var values = new object[columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = SqliteDialect.ToStored(columns[i].Kind, columns[i].Read(record));
                }

                if (!existing.TryGetValue(key, out var row))
                {
                    insert ??= Prepare(InsertSql(table), columns.Count + 4);
                    // Version 7: time-ordered, so new rows append to the primary key index instead of scattering.
                    insert.Parameters[0].Value = Guid.CreateVersion7().ToString("D");
                    insert.Parameters[1].Value = _vcenterId;
                    insert.Parameters[2].Value = key;
                    SetValues(insert, 3, values);
                    insert.Parameters[columns.Count + 3].Value = _syncedAt;
                    insert.ExecuteNonQuery();
                    inserted++;
                }
                else if (SameValues(row.Values, values))
                {
                    unchanged++;
                }
                else
                {
                    update ??= Prepare(UpdateSql(table), columns.Count + 2);
                    update.Parameters[0].Value = row.Id;
                    SetValues(update, 1, values);
                    update.Parameters[columns.Count + 1].Value = _syncedAt;
                    update.ExecuteNonQuery();
                    updated++;
                }
            }
        }
        finally
        {
            insert?.Dispose();
            update?.Dispose();
        }

        var deleted = DeleteGone(table.Name, existing, seen, cancellationToken);
        return new TableChanges(inserted, updated, deleted, unchanged);
    }

    public TableChanges WriteDatastoreHosts(IReadOnlyList<DatastoreHostRecord> records, CancellationToken cancellationToken)
    {
        var existing = new HashSet<(string, string)>();
        using (var select = Command(
            "SELECT datastore_moref, host_moref FROM vcenter_datastore_hosts WHERE source_vcenter_id = $p0", 1))
        {
            select.Parameters[0].Value = _vcenterId;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                existing.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // A mount listed twice is one row: the pair is the whole key.
        var wanted = new HashSet<(string, string)>();
        foreach (var record in records)
        {
            wanted.Add((record.DatastoreMoref, record.HostMoref));
        }

        int inserted = 0, deleted = 0;
        using (var insert = Prepare(
            "INSERT INTO vcenter_datastore_hosts (source_vcenter_id, datastore_moref, host_moref) VALUES ($p0, $p1, $p2)", 3))
        {
            foreach (var (datastore, host) in wanted)
            {
                if (existing.Contains((datastore, host)))
                {
                    continue;
                }

                if (inserted % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                insert.Parameters[0].Value = _vcenterId;
                insert.Parameters[1].Value = (object?)datastore ?? DBNull.Value;
                insert.Parameters[2].Value = (object?)host ?? DBNull.Value;
                insert.ExecuteNonQuery();
                inserted++;
            }
        }

        using (var delete = Prepare(
            "DELETE FROM vcenter_datastore_hosts WHERE source_vcenter_id = $p0 AND datastore_moref = $p1 AND host_moref = $p2", 3))
        {
            foreach (var (datastore, host) in existing)
            {
                if (wanted.Contains((datastore, host)))
                {
                    continue;
                }

                delete.Parameters[0].Value = _vcenterId;
                delete.Parameters[1].Value = datastore;
                delete.Parameters[2].Value = host;
                delete.ExecuteNonQuery();
                deleted++;
            }
        }

        return new TableChanges(inserted, 0, deleted, wanted.Count - inserted);
    }

    private Dictionary<string, ExistingRow> LoadExisting<TRecord>(SyncedTable<TRecord> table)
    {
        var sql = new StringBuilder("SELECT id, ").Append(table.KeyColumn);
        foreach (var column in table.Columns)
        {
            sql.Append(", ").Append(column.Name);
        }

        sql.Append(" FROM ").Append(table.Name).Append(" WHERE source_vcenter_id = $p0");
        using var select = Command(sql.ToString(), 1);
        select.Parameters[0].Value = _vcenterId;
        using var reader = select.ExecuteReader();
        var rows = new Dictionary<string, ExistingRow>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var values = new object[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetValue(i + 2);
            }

            rows.Add(reader.GetString(1), new ExistingRow(reader.GetString(0), values));
        }

        return rows;
    }

    private int DeleteGone(string table, Dictionary<string, ExistingRow> existing, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var deleted = 0;
        SqliteCommand? delete = null;
        try
        {
            foreach (var (key, row) in existing)
            {
                if (seen.Contains(key))
                {
                    continue;
                }

                if (deleted % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                // By id, which is this vCenter's row: the load selected this vCenter's rows only.
                delete ??= Prepare($"DELETE FROM {table} WHERE id = $p0", 1);
                delete.Parameters[0].Value = row.Id;
                delete.ExecuteNonQuery();
                deleted++;
            }
        }
        finally
        {
            delete?.Dispose();
        }

        return deleted;
    }

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

    private static void SetValues(SqliteCommand command, int first, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[first + i].Value = values[i];
        }
    }

    private static string InsertSql<TRecord>(SyncedTable<TRecord> table)
    {
        var names = new List<string> { "id", "source_vcenter_id", table.KeyColumn };
        names.AddRange(table.Columns.Select(c => c.Name));
        var sql = new StringBuilder("INSERT INTO ").Append(table.Name).Append(" (")
            .AppendJoin(", ", names).Append(", first_seen_at, last_sync_at) VALUES (");
        for (var i = 0; i < names.Count; i++)
        {
            sql.Append("$p").Append(i).Append(", ");
        }

        // first_seen_at and last_sync_at are the same value on insert.
        return sql.Append("$p").Append(names.Count).Append(", $p").Append(names.Count).Append(')').ToString();
    }

    private static string UpdateSql<TRecord>(SyncedTable<TRecord> table)
    {
        var sql = new StringBuilder("UPDATE ").Append(table.Name).Append(" SET ");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            sql.Append(table.Columns[i].Name).Append(" = $p").Append(i + 1).Append(", ");
        }

        return sql.Append("last_sync_at = $p").Append(table.Columns.Count + 1).Append(" WHERE id = $p0").ToString();
    }

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DBNull.Value));
        }

        return command;
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = Command(sql, parameters);
        command.Prepare();
        return command;
    }

    private sealed record ExistingRow(string Id, object[] Values);
}
