using System.Data.Common;

namespace VcSync.Storage;

/// <summary>The one set of command helpers every SQL class of the stores uses.</summary>
internal static class DbConnectionExtensions
{
    /// <summary>A command on the connection, in the transaction when there is one (SQLite insists).</summary>
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params DbParameter[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(
        this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params DbParameter[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row; null when there is no row or the value is SQL NULL.</summary>
    public static async Task<object?> ScalarAsync(
        this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params DbParameter[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Every row of a query, each turned into a <typeparamref name="T"/> by <paramref name="read"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection,
        DbTransaction? transaction,
        string sql,
        Func<DbDataReader, T> read,
        CancellationToken cancellationToken,
        params DbParameter[] parameters)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
