using System.Data.Common;
using System.Text;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Changes;

/// <summary>Reads one vCenter's rows of a single-key synced table: the key and the compared columns, as contract values.</summary>
internal static class SyncedRows
{
    /// <summary>Every row of the vCenter (<paramref name="keys"/> null), or only the rows with these keys.</summary>
    public static async Task<Dictionary<string, object?[]>> ReadAsync<TRecord>(
        ISqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        SyncedTable<TRecord> table,
        Guid vcenterId,
        IReadOnlyCollection<string>? keys,
        CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var select = new StringBuilder("SELECT ").Append(table.Keys[0].Name);
        foreach (var column in table.Columns)
        {
            select.Append(", ").Append(column.Name);
        }

        select.Append(" FROM ").Append(table.Name).Append(" WHERE source_vcenter_id = @vcenter");
        if (keys is null)
        {
            await ReadIntoAsync(select.ToString(), []);
            return rows;
        }

        var head = select.Append(" AND ").ToString();
        var list = keys.ToList();
        for (var start = 0; start < list.Count; start += dialect.KeysPerCondition)
        {
            var chunk = list.GetRange(start, Math.Min(dialect.KeysPerCondition, list.Count - start));
            var parameters = new List<DbParameter>(chunk.Count + 1);
            var condition = dialect.KeyIn(table.Keys[0].Name, chunk, parameters);
            await ReadIntoAsync(head + condition, parameters);
        }

        return rows;

        async Task ReadIntoAsync(string sql, List<DbParameter> parameters)
        {
            parameters.Add(dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId));
            await using var command = connection.Command(transaction, sql, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object?[table.Columns.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = dialect.Read(reader, i + 1, table.Columns[i].Kind);
                }

                rows[(string)dialect.Read(reader, 0, ColumnKind.Text)!] = values;
            }
        }
    }
}
