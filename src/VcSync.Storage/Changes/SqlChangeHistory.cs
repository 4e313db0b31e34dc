using System.Data.Common;
using System.Text;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Changes;

/// <summary><see cref="IChangeHistory"/> for both databases.</summary>
internal sealed class SqlChangeHistory(ISqlConnectionSource source) : IChangeHistory
{
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListAsync(ChangeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dialect = source.Dialect;
        var schema = ContractSchema.InventoryChanges;
        var sql = new StringBuilder("SELECT v.name");
        foreach (var column in schema.Columns)
        {
            sql.Append(", c.").Append(column.Name);
        }

        sql.Append(" FROM inventory_changes c JOIN vcenters v ON v.id = c.source_vcenter_id WHERE 1 = 1");
        var parameters = new List<DbParameter>();
        if (query.VCenterId is { } vcenter)
        {
            sql.Append(" AND c.source_vcenter_id = @vcenter");
            parameters.Add(dialect.Parameter("vcenter", ColumnKind.Uuid, vcenter));
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND c.changed_at >= @since");
            parameters.Add(dialect.Parameter("since", ColumnKind.Timestamp, ContractValue.Truncate(since)));
        }

        if (query.ObjectType is { } type)
        {
            sql.Append(" AND c.object_type = @type");
            parameters.Add(dialect.Parameter("type", ColumnKind.Text, type));
        }

        if (query.Moref is { } moref)
        {
            sql.Append(" AND c.moref = @moref");
            parameters.Add(dialect.Parameter("moref", ColumnKind.Text, moref));
        }

        // Version-7 ids grow with time: the tie-break keeps rows of one transaction in write order.
        sql.Append(" ORDER BY c.changed_at DESC, c.id DESC LIMIT @limit");
        parameters.Add(dialect.Parameter("limit", ColumnKind.Integer, Math.Max(1, query.Limit)));
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        return await connection.QueryAsync<IReadOnlyDictionary<string, object?>>(
            null,
            sql.ToString(),
            r =>
            {
                var row = new Dictionary<string, object?>(schema.Columns.Count + 1, StringComparer.Ordinal)
                {
                    ["vcenter"] = dialect.Read(r, 0, ColumnKind.Text),
                };
                for (var i = 0; i < schema.Columns.Count; i++)
                {
                    row[schema.Columns[i].Name] = dialect.Read(r, i + 1, schema.Columns[i].Kind);
                }

                return row;
            },
            cancellationToken,
            [.. parameters]);
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(
            null,
            "DELETE FROM inventory_changes WHERE changed_at < @before",
            cancellationToken,
            source.Dialect.Parameter("before", ColumnKind.Timestamp, ContractValue.Truncate(before)));
    }
}
