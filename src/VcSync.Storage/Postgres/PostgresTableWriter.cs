using System.Text;
using Npgsql;
using NpgsqlTypes;
using VcSync.Inventory.Records;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Postgres;

/// <summary>
/// Writes one sync's rows of one table into PostgreSQL in three statements, whatever the row count: binary COPY of
/// the snapshot into a temporary table (dropped at commit), one INSERT ... ON CONFLICT DO UPDATE of the rows that are
/// new or differ, and one DELETE of this vCenter's rows missing from the snapshot. Unchanged rows are filtered out
/// before the upsert, so they are neither rewritten nor even locked.
/// </summary>
internal sealed class PostgresTableWriter
{
    // How often the COPY loop looks at the cancellation token.
    private const int CancellationStride = 512;

    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Guid _vcenterId;
    private readonly DateTime _syncedAt;

    public PostgresTableWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt)
    {
        _connection = connection;
        _transaction = transaction;
        _vcenterId = vcenterId;
        _syncedAt = ContractValue.Truncate(syncedAt).UtcDateTime;
    }

    public async Task<TableChanges> WriteAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        var staging = "sync_" + table.Name;
        var key = table.KeyColumn;
        var columns = table.Columns;

        var create = new StringBuilder("CREATE TEMP TABLE ").Append(staging).Append(" (id uuid, ").Append(key).Append(" text");
        foreach (var column in columns)
        {
            create.Append(", ").Append(column.Name).Append(' ').Append(PostgresDialect.SqlTypeOf(column.Kind));
        }

        await ExecuteAsync(create.Append(") ON COMMIT DROP").ToString(), cancellationToken);

        var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
        var copy = $"COPY {staging} (id, {key}, {string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await _connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            for (var r = 0; r < records.Count; r++)
            {
                if (r % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var record = records[r];
                var recordKey = table.KeyOf(record);
                // Caught here, as the SQLite store does, rather than as a vaguer "cannot affect row a second time".
                if (recordKey is not null && !seen.Add(recordKey))
                {
                    throw new ArgumentException($"{table.Name}: {key} '{recordKey}' occurs twice in the snapshot.", nameof(records));
                }

                // Synchronous writes: they fill Npgsql's buffer and only now and then flush it; the async ones would
                // cost an awaited call per value, some 700,000 of them for a large vCenter's VMs.
                importer.StartRow();
                // Version 7: time-ordered, so new rows append to the primary key index instead of scattering.
                importer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                Write(importer, ColumnKind.Text, recordKey);
                foreach (var column in columns)
                {
                    Write(importer, column.Kind, column.Read(record));
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // An index on the key, built once the rows are in, and its statistics. The planner's estimate of this
        // vCenter's rows in the target table is often far off (stale statistics, a vCenter new since the last
        // ANALYZE), and a nested-loop anti-join that scans the staging table per row runs for minutes at 45,000
        // rows; with the index any plan is a lookup per row.
        await ExecuteAsync($"CREATE UNIQUE INDEX ON {staging} ({key}); ANALYZE {staging} ({key})", cancellationToken);

        var names = string.Join(", ", columns.Select(c => c.Name));
        var staged = string.Join(", ", columns.Select(c => "s." + c.Name));
        var current = string.Join(", ", columns.Select(c => "e." + c.Name));
        var target = string.Join(", ", columns.Select(c => "t." + c.Name));
        var excluded = string.Join(", ", columns.Select(c => "excluded." + c.Name));
        var set = string.Join(", ", columns.Select(c => $"{c.Name} = excluded.{c.Name}"));
        // ROW(...) because a one-column list would not be a row constructor.
        var upsert =
            $"WITH written AS (" +
            $"INSERT INTO {table.Name} AS t (id, source_vcenter_id, {key}, {names}, first_seen_at, last_sync_at) " +
            $"SELECT s.id, @vcenter, s.{key}, {staged}, @at, @at FROM {staging} s " +
            $"LEFT JOIN {table.Name} e ON e.source_vcenter_id = @vcenter AND e.{key} = s.{key} " +
            $"WHERE e.id IS NULL OR ROW({current}) IS DISTINCT FROM ROW({staged}) " +
            $"ON CONFLICT (source_vcenter_id, {key}) DO UPDATE SET {set}, last_sync_at = excluded.last_sync_at " +
            $"WHERE ROW({target}) IS DISTINCT FROM ROW({excluded}) " +
            $"RETURNING (xmax = 0) AS inserted) " +
            $"SELECT COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted) FROM written";
        int inserted, updated;
        await using (var command = Command(upsert))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inserted = checked((int)reader.GetInt64(0));
            updated = checked((int)reader.GetInt64(1));
        }

        var deleted = await ExecuteAsync(
            $"DELETE FROM {table.Name} t WHERE t.source_vcenter_id = @vcenter " +
            $"AND NOT EXISTS (SELECT 1 FROM {staging} s WHERE s.{key} = t.{key})",
            cancellationToken);
        return new TableChanges(inserted, updated, deleted, records.Count - inserted - updated);
    }

    public async Task<TableChanges> WriteDatastoreHostsAsync(IReadOnlyList<DatastoreHostRecord> records, CancellationToken cancellationToken)
    {
        const string Staging = "sync_vcenter_datastore_hosts";
        await ExecuteAsync($"CREATE TEMP TABLE {Staging} (datastore_moref text, host_moref text) ON COMMIT DROP", cancellationToken);
        var wanted = new HashSet<(string, string)>();
        await using (var importer = await _connection.BeginBinaryImportAsync(
            $"COPY {Staging} (datastore_moref, host_moref) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                // A mount listed twice is one row: the pair is the whole key.
                if (!wanted.Add((record.DatastoreMoref, record.HostMoref)))
                {
                    continue;
                }

                if (wanted.Count % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                importer.StartRow();
                Write(importer, ColumnKind.Text, record.DatastoreMoref);
                Write(importer, ColumnKind.Text, record.HostMoref);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // As for the other tables: an index so that no plan scans the staging table per row.
        await ExecuteAsync(
            $"CREATE INDEX ON {Staging} (datastore_moref, host_moref); ANALYZE {Staging} (datastore_moref, host_moref)",
            cancellationToken);
        var inserted = await ExecuteAsync(
            $"INSERT INTO vcenter_datastore_hosts (source_vcenter_id, datastore_moref, host_moref) " +
            $"SELECT @vcenter, s.datastore_moref, s.host_moref FROM {Staging} s WHERE NOT EXISTS (" +
            $"SELECT 1 FROM vcenter_datastore_hosts e WHERE e.source_vcenter_id = @vcenter " +
            $"AND e.datastore_moref = s.datastore_moref AND e.host_moref = s.host_moref)",
            cancellationToken);
        var deleted = await ExecuteAsync(
            $"DELETE FROM vcenter_datastore_hosts t WHERE t.source_vcenter_id = @vcenter AND NOT EXISTS (" +
            $"SELECT 1 FROM {Staging} s WHERE s.datastore_moref = t.datastore_moref AND s.host_moref = t.host_moref)",
            cancellationToken);
        return new TableChanges(inserted, 0, deleted, wanted.Count - inserted);
    }

    private static void Write(NpgsqlBinaryImporter importer, ColumnKind kind, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case string s:
                importer.Write(s, NpgsqlDbType.Text);
                break;
            case int i:
                importer.Write(i, NpgsqlDbType.Integer);
                break;
            case long l:
                importer.Write(l, NpgsqlDbType.Bigint);
                break;
            case bool b:
                importer.Write(b, NpgsqlDbType.Boolean);
                break;
            case DateTimeOffset d:
                importer.Write(d.UtcDateTime, NpgsqlDbType.TimestampTz);
                break;
            case Guid g:
                importer.Write(g, NpgsqlDbType.Uuid);
                break;
            default:
                throw new ArgumentException($"A {kind} column cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    private NpgsqlCommand Command(string sql)
    {
        // A large vCenter on a busy server can take longer than Npgsql's default 30 s; cancellation still applies.
        var command = new NpgsqlCommand(sql, _connection, _transaction) { CommandTimeout = CommandTimeoutSeconds };
        if (!sql.Contains('@', StringComparison.Ordinal))
        {
            return command;
        }

        command.Parameters.Add(new NpgsqlParameter("vcenter", NpgsqlDbType.Uuid) { Value = _vcenterId });
        command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = _syncedAt });
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
