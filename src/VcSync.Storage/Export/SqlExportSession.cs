using System.Data;
using System.Data.Common;
using System.Text;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Export;

/// <summary><see cref="IExportSession"/> on one connection and one read transaction of a SQL store.</summary>
internal sealed class SqlExportSession : IExportSession
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ISqlDialect _dialect;

    private SqlExportSession(DbConnection connection, DbTransaction transaction, ISqlDialect dialect)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
    }

    public static async Task<SqlExportSession> BeginAsync(ISqlConnectionSource source, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await source.Dialect.BeginSnapshotReadAsync(connection, cancellationToken);
            return new SqlExportSession(connection, transaction, source.Dialect);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<ExportRowReader> ReadAsync(
        ExportSource source, IReadOnlyList<string> columns, Guid? vcenterId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var view = ExportViews.Get(source, _dialect);
        var selected = columns
            .Select(name => view.Find(name) ?? throw new ArgumentException($"{source} offers no column '{name}'.", nameof(columns)))
            .ToArray();

        // Names come from the view only (contract names and fixed SQL); values travel as parameters.
        var sql = new StringBuilder("SELECT ");
        if (selected.Length == 0)
        {
            sql.Append('1');
        }

        sql.AppendJoin(", ", selected.Select(c => c.Expression)).Append(" FROM ").Append(view.From);
        List<string> where = [];
        if (view.Where is { } fixedCondition)
        {
            where.Add(fixedCondition);
        }

        var command = _connection.CreateCommand();
        try
        {
            if (vcenterId is { } id)
            {
                where.Add(view.VCenterColumn + " = @vcenter");
                command.Parameters.Add(_dialect.Parameter("vcenter", ColumnKind.Uuid, id));
            }

            if (where.Count > 0)
            {
                sql.Append(" WHERE ").AppendJoin(" AND ", where);
            }

            // Within one vCenter its columns are constant: left out, an index can give the order without a sort.
            var order = view.OrderBy
                .Where(name => vcenterId is null || !name.StartsWith("vcenter.", StringComparison.Ordinal))
                .Select(name => view.Find(name)!)
                .Select(column => _dialect.OrderBy(new ColumnSchema(column.Expression, column.Kind)))
                .ToList();
            if (order.Count > 0)
            {
                sql.Append(" ORDER BY ").AppendJoin(", ", order);
            }

            command.CommandText = sql.ToString();
            command.Transaction = _transaction;
            var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            return new ExportRowReader(command, reader, _dialect, [.. selected.Select(c => c.Kind)]);
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Read only: nothing to commit.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
