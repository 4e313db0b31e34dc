using Npgsql;
using NpgsqlTypes;
using VcSync.Storage.Schema;
using VcSync.Storage.Writing;

namespace VcSync.Storage.Postgres;

/// <summary>
/// Writes one sync's rows of one table into PostgreSQL in three statements, whatever the row count: binary COPY of
/// the snapshot into a temporary table (dropped at commit), one INSERT ... ON CONFLICT DO UPDATE of the rows that are
/// new or differ, and one DELETE of this vCenter's rows missing from the snapshot. Unchanged rows are filtered out
/// before the upsert, so they are neither rewritten nor even locked; the upsert and the delete return the keys of the
/// rows they wrote. A page of a streamed sync does the same within its own VMs' rows (<c>= ANY(@parents)</c>), in the
/// same staging tables, truncated per page, and by index lookups only. A table that held no row of the vCenter when this
/// transaction first wrote it (the vCenter's first sync) is loaded by binary COPY straight into the table instead: there
/// is nothing to compare with or delete.
/// </summary>
internal sealed class PostgresTableWriter : ISyncTableWriter
{
    // How often the COPY loop looks at the cancellation token.
    private const int CancellationStride = 512;

    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Guid _vcenterId;
    private readonly DateTime _syncedAt;

    // Staging tables made in this transaction: a streamed sync writes each table once per page.
    private readonly HashSet<string> _staged = new(StringComparer.Ordinal);

    // Per table this transaction wrote: the parents (VMs) its pages loaded by COPY while the table held no other row of
    // the vCenter; null once it must be compared (it had rows, it was loaded whole, or a page needed the upsert).
    private readonly Dictionary<string, HashSet<string>?> _loads = new(StringComparer.Ordinal);

    public PostgresTableWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt)
    {
        _connection = connection;
        _transaction = transaction;
        _vcenterId = vcenterId;
        _syncedAt = ContractValue.Truncate(syncedAt).UtcDateTime;
    }

    public async Task<TableWrite> WriteAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken)
    {
        if (await LoadsAsync(table, records, parents, cancellationToken))
        {
            return await LoadAsync(table, records, cancellationToken);
        }

        _loads[table.Name] = null;

        var staging = "sync_" + table.Name;
        var keys = table.Keys.Select(k => k.Name).ToList();
        var columns = table.Columns.Select(c => c.Name).ToList();
        List<string> staged = [.. table.HasIdentity ? ["id"] : Array.Empty<string>(), .. keys, .. columns];

        var keyList = string.Join(", ", keys);
        if (_staged.Add(staging))
        {
            var definitions = table.Keys.Select(k => k.Column).Concat(table.Columns.Select(c => c.Column))
                .Select(c => $"{c.Name} {PostgresDialect.SqlTypeOf(c.Kind)}");
            await ExecuteAsync(
                $"CREATE TEMP TABLE {staging} ({string.Join(", ", [.. table.HasIdentity ? ["id uuid"] : Array.Empty<string>(), .. definitions])}) ON COMMIT DROP; " +
                $"CREATE UNIQUE INDEX ON {staging} ({keyList})",
                cancellationToken);
        }
        else
        {
            // The next page of a streamed sync: the same staging table, emptied.
            await ExecuteAsync($"TRUNCATE {staging}", cancellationToken);
        }

        var (count, _) = await CopyAsync(table, records, staging, staged, target: false, cancellationToken);

        // An index on the key and statistics once the rows are in. The planner's estimate of this vCenter's rows in
        // the target table is often far off (stale statistics, a vCenter new since the last ANALYZE), and a
        // nested-loop anti-join that scans the staging table per row runs for minutes at 45,000 rows; with the index
        // any plan is a lookup per row. A page's statements get their plan forced below, so a page skips the ANALYZE
        // (it was a sixth of the server's CPU in a streamed 45k sync).
        var scope = string.Empty;
        if (parents is null)
        {
            await ExecuteAsync($"ANALYZE {staging} ({keyList})", cancellationToken);
        }
        else
        {
            scope = $"AND t.{keys[0]} = ANY(@parents) ";
            // A page is a few thousand rows against a table that grows to hundreds of thousands in this transaction,
            // while the statistics still say this vCenter has a handful: the planner then scans all of the vCenter's
            // rows once per page (a hash join, or a nested loop over them materialized), which is quadratic over the
            // pages. Index lookups per staged row only, for this page's statements.
            await ExecuteAsync(
                "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_material = off; " +
                "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off",
                cancellationToken);
        }

        List<string> inserted = [], updated = [];
        await using (var command = Command(UpsertSql(table, staging)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                (reader.GetBoolean(0) ? inserted : updated).Add(KeyText(reader, 1, keys.Count));
            }
        }

        var deleted = new List<string>();
        await using (var command = Command(
            $"DELETE FROM {table.Name} t WHERE t.source_vcenter_id = @vcenter {scope}" +
            $"AND NOT EXISTS (SELECT 1 FROM {staging} s WHERE {Match(keys, "s", "t")}) " +
            $"RETURNING {KeysAsText(keys, "t")}"))
        {
            if (parents is not null)
            {
                command.Parameters.Add(new NpgsqlParameter("parents", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = parents.ToArray() });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(KeyText(reader, 0, keys.Count));
            }
        }

        if (parents is not null)
        {
            await ExecuteAsync(
                "RESET enable_hashjoin; RESET enable_mergejoin; RESET enable_material; RESET enable_bitmapscan; RESET enable_seqscan", cancellationToken);
        }

        var changes = new TableChanges(inserted.Count, updated.Count, deleted.Count, count - inserted.Count - updated.Count);
        return new TableWrite(changes, inserted, updated, deleted);
    }

    // A first sync's load: the table had no row of this vCenter, so every distinct record is new. Pages of VMs stay
    // loadable while each page holds only VMs no earlier page held (vCenter sends each object once per retrieval);
    // a page with a VM that came again, or with rows outside its parents, goes through the upsert.
    private async Task<bool> LoadsAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken)
    {
        if (!_loads.TryGetValue(table.Name, out var loaded))
        {
            await using var command = Command($"SELECT NOT EXISTS (SELECT 1 FROM {table.Name} WHERE source_vcenter_id = @vcenter)");
            loaded = (bool)(await command.ExecuteScalarAsync(cancellationToken))! ? new HashSet<string>(StringComparer.Ordinal) : null;
        }

        if (loaded is null)
        {
            return false;
        }

        if (parents is null)
        {
            // A whole table written again in this transaction compares with what this load wrote.
            _loads[table.Name] = null;
            return true;
        }

        var pageParents = parents as ISet<string> ?? new HashSet<string>(parents, StringComparer.Ordinal);
        foreach (var record in records)
        {
            // A null key is not a parent: the upsert's path refuses it with its own message.
            if (table.Keys[0].Read(record) is not string parent || !pageParents.Contains(parent))
            {
                return false;
            }
        }

        if (loaded.Overlaps(pageParents))
        {
            return false;
        }

        _loads[table.Name] = loaded;
        loaded.UnionWith(pageParents);
        return true;
    }

    private async Task<TableWrite> LoadAsync<TRecord>(SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        List<string> names =
        [
            .. table.HasIdentity ? ["id"] : Array.Empty<string>(),
            "source_vcenter_id",
            .. table.Keys.Select(k => k.Name),
            .. table.Columns.Select(c => c.Name),
            .. table.HasIdentity ? ["first_seen_at", "last_sync_at"] : Array.Empty<string>(),
        ];
        var (count, inserted) = await CopyAsync(table, records, table.Name, names, target: true, cancellationToken);
        return new TableWrite(new TableChanges(count, 0, 0, 0), inserted, [], []);
    }

    /// <summary>
    /// Copies the records into the staging table, or with <paramref name="target"/> into the table itself (with the
    /// vCenter and the sync's time); the number of distinct keys copied, and those keys in the records' order.
    /// </summary>
    private async Task<(int Count, List<string> Keys)> CopyAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, string into, List<string> names, bool target, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(records.Count, StringComparer.Ordinal);
        var order = new List<string>(target ? records.Count : 0);
        var copy = $"COPY {into} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await _connection.BeginBinaryImportAsync(copy, cancellationToken);
        for (var r = 0; r < records.Count; r++)
        {
            if (r % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var record = records[r];
            var keyValues = table.KeyOf(record);
            var key = keyValues.Length == 1 ? KeyPart(keyValues[0]) : string.Join(TableWrite.KeySeparator, keyValues.Select(KeyPart));
            // Caught here, as the SQLite store does, rather than as a vaguer "cannot affect row a second time".
            if (!seen.Add(key))
            {
                if (table.CollapseDuplicates)
                {
                    continue;
                }

                throw new ArgumentException(
                    $"{table.Name}: {string.Join(", ", table.Keys.Select(k => k.Name))} '{key}' occurs twice in the snapshot.", nameof(records));
            }

            if (target)
            {
                order.Add(key);
            }

            // Synchronous writes: they fill Npgsql's buffer and only now and then flush it; the async ones would
            // cost an awaited call per value, some 700,000 of them for a large vCenter's VMs.
            importer.StartRow();
            if (table.HasIdentity)
            {
                // Version 7: time-ordered, so new rows append to the primary key index instead of scattering.
                importer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            }

            if (target)
            {
                importer.Write(_vcenterId, NpgsqlDbType.Uuid);
            }

            for (var i = 0; i < keyValues.Length; i++)
            {
                Write(importer, table.Keys[i].Kind, keyValues[i]);
            }

            foreach (var column in table.Columns)
            {
                Write(importer, column.Kind, column.Read(record));
            }

            if (target && table.HasIdentity)
            {
                importer.Write(_syncedAt, NpgsqlDbType.TimestampTz);
                importer.Write(_syncedAt, NpgsqlDbType.TimestampTz);
            }
        }

        await importer.CompleteAsync(cancellationToken);
        return (seen.Count, order);
    }

    // Only rows that are new or differ are selected, so the ON CONFLICT branch never rewrites an unchanged row; its
    // WHERE guards the rows another transaction changed meanwhile. ROW(...) because a one-column list would not be a
    // row constructor. xmax = 0 on a freshly inserted row tells inserts from updates.
    private static string UpsertSql<TRecord>(SyncedTable<TRecord> table, string staging)
    {
        var keys = table.Keys.Select(k => k.Name).ToList();
        var columns = table.Columns.Select(c => c.Name).ToList();
        var names = new List<string>();
        var values = new List<string>();
        if (table.HasIdentity)
        {
            names.Add("id");
            values.Add("s.id");
        }

        names.Add("source_vcenter_id");
        values.Add("@vcenter");
        names.AddRange(keys);
        values.AddRange(keys.Select(k => "s." + k));
        names.AddRange(columns);
        values.AddRange(columns.Select(c => "s." + c));
        if (table.HasIdentity)
        {
            names.AddRange(["first_seen_at", "last_sync_at"]);
            values.AddRange(["@at", "@at"]);
        }

        var changed = "e.source_vcenter_id IS NULL";
        var onConflict = "DO NOTHING";
        if (columns.Count > 0)
        {
            changed += $" OR {Row(columns, "e")} IS DISTINCT FROM {Row(columns, "s")}";
            var set = columns.Select(c => $"{c} = excluded.{c}").ToList();
            if (table.HasIdentity)
            {
                set.Add("last_sync_at = excluded.last_sync_at");
            }

            onConflict = $"DO UPDATE SET {string.Join(", ", set)} WHERE {Row(columns, "t")} IS DISTINCT FROM {Row(columns, "excluded")}";
        }

        return
            $"INSERT INTO {table.Name} AS t ({string.Join(", ", names)}) " +
            $"SELECT {string.Join(", ", values)} FROM {staging} s " +
            $"LEFT JOIN {table.Name} e ON e.source_vcenter_id = @vcenter AND {Match(keys, "e", "s")} " +
            $"WHERE {changed} " +
            $"ON CONFLICT (source_vcenter_id, {string.Join(", ", keys)}) {onConflict} " +
            $"RETURNING (xmax = 0), {KeysAsText(keys, "t")}";
    }

    private static string Row(List<string> columns, string alias) => $"ROW({string.Join(", ", columns.Select(c => alias + "." + c))})";

    private static string Match(List<string> keys, string left, string right) =>
        string.Join(" AND ", keys.Select(k => $"{left}.{k} = {right}.{k}"));

    private static string KeysAsText(List<string> keys, string alias) => string.Join(", ", keys.Select(k => $"{alias}.{k}::text"));

    private static string KeyText(NpgsqlDataReader reader, int first, int count)
    {
        if (count == 1)
        {
            return reader.GetString(first);
        }

        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = reader.GetString(first + i);
        }

        return string.Join(TableWrite.KeySeparator, parts);
    }

    // The text PostgreSQL's ::text gives for a key value, so keys read back and keys of records compare equal.
    private static string KeyPart(object value) => value switch
    {
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void Write(NpgsqlBinaryImporter importer, ColumnKind kind, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case string s:
                // jsonb's binary form is a version byte and the text: Npgsql writes it when told the type.
                importer.Write(s, kind == ColumnKind.Json ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text);
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
        if (sql.Contains("@vcenter", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter("vcenter", NpgsqlDbType.Uuid) { Value = _vcenterId });
        }

        if (sql.Contains("@at", StringComparison.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = _syncedAt });
        }

        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
