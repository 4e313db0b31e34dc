using System.Data.Common;
using System.Text;
using VcSync.Storage.Alarms;
using VcSync.Storage.Schema;

namespace VcSync.Storage;

/// <summary>
/// The listings the CLI shows beyond plain tables: triggered alarms newest first, and servers with the host each is
/// linked to. The selected columns come from <see cref="ContractSchema"/>, so they follow the contract.
/// </summary>
internal sealed class RowQueries
{
    private readonly ISqlDialect _dialect;

    public RowQueries(ISqlDialect dialect)
    {
        _dialect = dialect;
    }

    /// <summary><c>vcenter</c> (the vCenter's name), then every contract column of <c>vcenter_alarms</c>.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListAlarmsAsync(
        DbConnection connection, AlarmQuery query, CancellationToken cancellationToken)
    {
        var schema = ContractSchema.Alarms;
        List<string> where = [];
        List<DbParameter> parameters = [];
        if (query.VCenterId is { } id)
        {
            where.Add("a.source_vcenter_id = @vcenter");
            parameters.Add(_dialect.Parameter("vcenter", ColumnKind.Uuid, id));
        }

        if (query.Status is { } status)
        {
            where.Add("a.overall_status = @status");
            parameters.Add(_dialect.Parameter("status", ColumnKind.Text, status));
        }

        // Newest first; alarms without a time last; the key breaks ties so every store lists the same order.
        var order = $"a.triggered_at IS NULL, a.triggered_at DESC, {_dialect.OrderBy(new ColumnSchema("v.name", ColumnKind.Text))}, " +
                    _dialect.OrderBy(new ColumnSchema("a.alarm_key", ColumnKind.Text));
        return QueryAsync(
            connection,
            schema,
            "a",
            [("vcenter", "v.name", ColumnKind.Text, true)],
            $"{schema.Name} a JOIN vcenters v ON v.id = a.source_vcenter_id",
            where,
            order,
            parameters,
            cancellationToken);
    }

    /// <summary>Every contract column of <c>servers</c>, then <c>host_name</c> and <c>vcenter</c> of the linked host.</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListServersAsync(
        DbConnection connection, bool unlinkedOnly, CancellationToken cancellationToken)
    {
        var schema = ContractSchema.Servers;
        return QueryAsync(
            connection,
            schema,
            "s",
            [("host_name", "h.name", ColumnKind.Text, false), ("vcenter", "v.name", ColumnKind.Text, false)],
            $"{schema.Name} s LEFT JOIN vcenter_hosts h ON h.id = s.vcenter_host_id LEFT JOIN vcenters v ON v.id = h.source_vcenter_id",
            unlinkedOnly ? ["s.vcenter_host_id IS NULL"] : [],
            _dialect.OrderBy(new ColumnSchema("s.service_tag", ColumnKind.Text)),
            [],
            cancellationToken);
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(
        DbConnection connection,
        TableSchema schema,
        string alias,
        IReadOnlyList<(string Name, string Expression, ColumnKind Kind, bool First)> extra,
        string from,
        IReadOnlyList<string> where,
        string orderBy,
        IReadOnlyList<DbParameter> parameters,
        CancellationToken cancellationToken)
    {
        List<(string Name, string Expression, ColumnKind Kind)> columns =
        [
            .. extra.Where(e => e.First).Select(e => (e.Name, e.Expression, e.Kind)),
            .. schema.Columns.Select(c => (c.Name, $"{alias}.{c.Name}", c.Kind)),
            .. extra.Where(e => !e.First).Select(e => (e.Name, e.Expression, e.Kind)),
        ];
        var sql = new StringBuilder("SELECT ").AppendJoin(", ", columns.Select(c => c.Expression)).Append(" FROM ").Append(from);
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY ").Append(orderBy);
        await using var command = connection.Command(null, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                row.Add(columns[i].Name, _dialect.Read(reader, i, columns[i].Kind));
            }

            rows.Add(row);
        }

        return rows;
    }
}
