using System.Data.Common;
using System.Globalization;
using System.Text;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Reads;

/// <summary>
/// <see cref="IInventoryReads"/> on either store. Filtering, sorting, paging and counting happen in the database, so a
/// page costs the same at 45,000 VMs as at 50; every piece of SQL comes from <see cref="ListResources"/>, and values
/// travel as parameters.
/// </summary>
internal sealed class SqlInventoryReads : IInventoryReads, IAsyncDisposable
{
    private readonly IInventoryStore _store;
    private readonly ISqlConnectionSource _source;
    private readonly ISqlDialect _dialect;
    private readonly DataVersionProbe _version;
    private readonly SqlInventoryFigures _figureQueries;
    private readonly VersionedCache<long> _totals = new(10_000);
    private readonly VersionedCache<InventoryFigures> _figures = new(1);

    public SqlInventoryReads(IInventoryStore store, ISqlConnectionSource source)
    {
        _store = store;
        _source = source;
        _dialect = source.Dialect;
        _version = new DataVersionProbe(source);
        _figureQueries = new SqlInventoryFigures(store, source.Dialect);
    }

    public async Task<InventoryFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        // Read once per data version: scrapes between two writes cost one version check.
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var version = await _version.ReadAsync(connection, cancellationToken);
        if (!_figures.TryGet(string.Empty, version, out var figures))
        {
            figures = await _figureQueries.ReadAsync(connection, cancellationToken);
            _figures.Set(string.Empty, version, figures);
        }

        return figures;
    }

    public async Task<bool> RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await PlannerStatistics.RefreshAsync(connection, _dialect is Postgres.PostgresDialect, cancellationToken);
    }

    public ValueTask DisposeAsync() => _version.DisposeAsync();

    public async Task<ListPage> ListAsync(ListResource resource, ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > ListQuery.MaxLimit)
        {
            throw new ListQueryException($"limit must be between 1 and {ListQuery.MaxLimit}; got {query.Limit}");
        }

        if (query.Offset < 0)
        {
            throw new ListQueryException($"offset must not be negative; got {query.Offset}");
        }

        var (where, parameters) = Where(resource, query);
        var (order, sortExpression) = OrderBy(resource, query.Sort ?? resource.DefaultSort);
        // When the search, filters and sort touch only the listed table, the page is picked from that table alone
        // (by its indexes) and only its rows are joined: a page costs the same at 45,000 rows as at 50.
        var baseOnly = IsBaseOnly(resource, query, sortExpression);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);

        var count = new StringBuilder("SELECT COUNT(*) FROM ").Append(baseOnly ? resource.Table + " t" : resource.From).Append(where).ToString();
        // The exact total is the dear part of a page (every matching row); it is counted once per data version.
        var version = await _version.ReadAsync(connection, cancellationToken);
        var total = await CountAsync(connection, version, count, parameters, cancellationToken);
        if (total <= query.Offset)
        {
            return new ListPage([], total);
        }

        if (baseOnly && where.Length > 0 && _dialect is Sqlite.SqliteDialect)
        {
            // SQLite's planner takes an equality filter's index over the sort column's own even when the filter keeps
            // most rows (then it sorts them all); told how many rows the filters keep, it walks the sort's index when
            // that is cheaper and stops after one page.
            var all = await CountAsync(connection, version, $"SELECT COUNT(*) FROM {resource.Table} t", [], cancellationToken);
            where = Where(resource, query, all == 0 ? 1 : (double)total / all).Where;
        }

        var select = baseOnly
            ? new StringBuilder("SELECT ").AppendJoin(", ", resource.Columns.Select(c => c.Expression))
                .Append(" FROM (SELECT * FROM ").Append(resource.Table).Append(" t").Append(where)
                .Append(" ORDER BY ").Append(order).Append(" LIMIT @limit OFFSET @offset) t").Append(resource.Joins)
                .Append(" ORDER BY ").Append(order)
            : Select(resource).Append(where).Append(" ORDER BY ").Append(order).Append(" LIMIT @limit OFFSET @offset");
        List<DbParameter> pageParameters =
        [
            .. Where(resource, query).Parameters,
            _dialect.Parameter("limit", ColumnKind.Integer, query.Limit),
            _dialect.Parameter("offset", ColumnKind.Integer, query.Offset),
        ];
        await using var command = Command(connection, select.ToString(), pageParameters);
        return new ListPage(await ReadItemsAsync(resource, command, cancellationToken), total);
    }

    private async Task<long> CountAsync(
        DbConnection connection, string version, string sql, IReadOnlyList<DbParameter> parameters, CancellationToken cancellationToken)
    {
        var key = string.Concat(sql, string.Concat(parameters.Select(p => "\u0001" + Convert.ToString(p.Value, CultureInfo.InvariantCulture))));
        if (!_totals.TryGet(key, version, out var total))
        {
            await using var command = Command(connection, sql, parameters);
            total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            _totals.Set(key, version, total);
        }

        return total;
    }

    private static bool IsBaseOnly(ListResource resource, ListQuery query, string sortExpression)
    {
        static bool OnBase(string expression) => expression.StartsWith("t.", StringComparison.Ordinal);
        return OnBase(sortExpression)
               && (string.IsNullOrEmpty(query.Search) || resource.SearchExpressions.All(OnBase))
               && (query.VCenterId is null || (resource.VCenterExpression is { } v && OnBase(v)))
               && query.Filters.All(f => resource.FindFilter(f.Key) is { } filter && OnBase(filter.Expression));
    }

    public async Task<IReadOnlyDictionary<string, object?>?> FindAsync(ListResource resource, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var sql = Select(resource).Append(" WHERE ").Append(resource.IdExpression).Append(" = @id");
        await using var command = Command(connection, sql.ToString(), [_dialect.Parameter("id", ColumnKind.Uuid, id)]);
        var items = await ReadItemsAsync(resource, command, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    public async Task<IReadOnlyList<VCenterSummary>> SummarizeAsync(CancellationToken cancellationToken)
    {
        var vcenters = await _store.ListVCentersAsync(cancellationToken);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var counts = new Dictionary<Guid, Dictionary<string, long>>();
        foreach (var (name, table) in new[]
                 {
                     ("clusters", "vcenter_clusters"), ("hosts", "vcenter_hosts"), ("vms", "vcenter_vms"),
                     ("datastores", "vcenter_datastores"), ("networks", "vcenter_networks"), ("alarms", "vcenter_alarms"),
                 })
        {
            await using var command = Command(connection, $"SELECT source_vcenter_id, COUNT(*) FROM {table} GROUP BY source_vcenter_id", []);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = (Guid)_dialect.Read(reader, 0, ColumnKind.Uuid)!;
                if (!counts.TryGetValue(id, out var perTable))
                {
                    counts.Add(id, perTable = new Dictionary<string, long>(StringComparer.Ordinal));
                }

                perTable[name] = reader.GetInt64(1);
            }
        }

        var alarms = new Dictionary<(Guid, string), long>();
        await using (var command = Command(
            connection,
            "SELECT source_vcenter_id, overall_status, COUNT(*) FROM vcenter_alarms WHERE overall_status IN ('red', 'yellow') GROUP BY source_vcenter_id, overall_status",
            []))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                alarms[((Guid)_dialect.Read(reader, 0, ColumnKind.Uuid)!, reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        var watchers = (await _store.Watchers().ListAsync(cancellationToken)).ToDictionary(w => w.VCenterId);
        return
        [
            .. vcenters.Select(v => new VCenterSummary
            {
                VCenter = v,
                Watcher = watchers.GetValueOrDefault(v.Id),
                Counts = counts.GetValueOrDefault(v.Id) ?? new Dictionary<string, long>(),
                RedAlarms = alarms.GetValueOrDefault((v.Id, "red")),
                YellowAlarms = alarms.GetValueOrDefault((v.Id, "yellow")),
            }),
        ];
    }

    public async Task<(int Hosts, bool ServerExists)> SerialUsageAsync(string normalizedSerial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(normalizedSerial);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var hosts = 0;
        await using (var command = Command(connection, "SELECT serial_number FROM vcenter_hosts WHERE serial_number IS NOT NULL", []))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Inventory.ServiceTagRules.NormalizeForLinking(reader.GetString(0)) == normalizedSerial)
                {
                    hosts++;
                }
            }
        }

        await using var servers = Command(
            connection, "SELECT COUNT(*) FROM servers WHERE service_tag = @tag", [_dialect.Parameter("tag", ColumnKind.Text, normalizedSerial)]);
        var exists = Convert.ToInt64(await servers.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
        return (hosts, exists);
    }

    // selectivity: the share of rows the whole condition keeps, when known; each term is then wrapped in SQLite's
    // likelihood() (a planner hint) with its part of that share.
    private (string Where, IReadOnlyList<DbParameter> Parameters) Where(ListResource resource, ListQuery query, double? selectivity = null)
    {
        List<string> where = [];
        List<DbParameter> parameters = [];
        if (!string.IsNullOrEmpty(query.Search))
        {
            // LOWER on both sides: case-insensitive alike in SQLite (whose LIKE already is, for ASCII) and PostgreSQL.
            where.Add("(" + string.Join(" OR ", resource.SearchExpressions.Select(e => $"LOWER({e}) LIKE LOWER(@search) ESCAPE '\\'")) + ")");
            parameters.Add(_dialect.Parameter("search", ColumnKind.Text, "%" + EscapeLike(query.Search) + "%"));
        }

        if (query.VCenterId is { } vcenterId)
        {
            where.Add($"{resource.VCenterExpression ?? throw new ListQueryException($"{resource.Name} do not belong to a vCenter")} = @vcenter");
            parameters.Add(_dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId));
        }

        for (var i = 0; i < query.Filters.Count; i++)
        {
            var (name, raw) = query.Filters[i];
            var filter = resource.FindFilter(name)
                ?? throw new ListQueryException(
                    $"'{name}' is not a filter of {resource.Name}; its filters are search, vcenter" +
                    string.Concat(resource.Filters.Select(f => ", " + f.Name)));
            var value = Parse(filter, raw);
            if (filter.IsNullTest)
            {
                where.Add($"{filter.Expression} IS {((bool)value ? string.Empty : "NOT ")}NULL");
                continue;
            }

            where.Add($"{filter.Expression} {filter.Comparison} @f{i}");
            parameters.Add(_dialect.Parameter($"f{i}", filter.Kind, value));
        }

        if (selectivity is { } share && where.Count > 0)
        {
            var each = Math.Clamp(Math.Pow(share, 1.0 / where.Count), 0.000001, 1).ToString("0.000000", CultureInfo.InvariantCulture);
            where = [.. where.Select(term => $"likelihood({term}, {each})")];
        }

        return (where.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", where), parameters);
    }

    private (string Order, string Expression) OrderBy(ListResource resource, string sort)
    {
        var descending = sort.StartsWith('-');
        var name = descending ? sort[1..] : sort;
        var column = resource.IsSortable(name) ? resource.FindColumn(name)! : throw new ListQueryException(
            $"'{name}' is not a sortable column of {resource.Name}; sort by one of " +
            string.Join(", ", resource.Columns.Where(c => resource.IsSortable(c.Name)).Select(c => c.Name)) + ", with '-' before it to reverse");
        var term = new StringBuilder(_dialect.OrderBy(new ColumnSchema(column.Expression, column.Kind)));
        if (descending)
        {
            term.Append(" DESC");
        }

        if (column.IsNullable)
        {
            // Both stores put NULLs last either way (SQLite would put them first, PostgreSQL last, when ascending).
            term.Append(" NULLS LAST");
        }

        // The tie-break runs the same way as the sort: newest-first changes of one transaction come in reverse write order.
        return (column.Expression == resource.IdExpression
            ? term.ToString()
            : term.Append(", ").Append(resource.IdExpression).Append(descending ? " DESC" : string.Empty).ToString(), column.Expression);
    }

    private static object Parse(ListFilter filter, string raw)
    {
        switch (filter.Kind)
        {
            case ColumnKind.Boolean when raw is "true" or "1":
                return true;
            case ColumnKind.Boolean when raw is "false" or "0":
                return false;
            case ColumnKind.Boolean:
                throw new ListQueryException($"{filter.Name} must be true or false; got '{raw}'");
            case ColumnKind.Integer when int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                return number;
            case ColumnKind.Integer:
                throw new ListQueryException($"{filter.Name} must be a whole number; got '{raw}'");
            case ColumnKind.Timestamp when DateTimeOffset.TryParse(
                raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
                && raw.Length >= 10:
                return ContractValue.Truncate(instant);
            case ColumnKind.Timestamp:
                throw new ListQueryException($"{filter.Name} must be an ISO 8601 time such as 2026-01-31T12:00:00Z; got '{raw}'");
            default:
                return raw;
        }
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private StringBuilder Select(ListResource resource) =>
        new StringBuilder("SELECT ").AppendJoin(", ", resource.Columns.Select(c => c.Expression)).Append(" FROM ").Append(resource.From);

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadItemsAsync(
        ListResource resource, DbCommand command, CancellationToken cancellationToken)
    {
        var columns = resource.Columns;
        List<IReadOnlyDictionary<string, object?>> items = [];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var item = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                item.Add(columns[i].Name, _dialect.Read(reader, i, columns[i].Kind));
            }

            items.Add(item);
        }

        return items;
    }

    internal static DbCommand Command(DbConnection connection, string sql, IEnumerable<DbParameter> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
