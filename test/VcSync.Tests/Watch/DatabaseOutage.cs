using Microsoft.Data.Sqlite;
using Npgsql;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Watch;

/// <summary>
/// Makes a test database unavailable until disposed: a SQLite file is held under an exclusive lock by another
/// connection; a PostgreSQL database refuses connections and its open ones are terminated.
/// </summary>
internal sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly SqliteConnection? _locker;
    private readonly SqliteTransaction? _lock;
    private readonly PostgresServer? _postgres;
    private readonly string? _database;

    private DatabaseOutage(SqliteConnection locker, SqliteTransaction lockTransaction)
    {
        _locker = locker;
        _lock = lockTransaction;
    }

    private DatabaseOutage(PostgresServer postgres, string database)
    {
        _postgres = postgres;
        _database = database;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Takes the database behind <paramref name="connection"/> (a SQLite path or a PostgreSQL connection string) away.</summary>
    public static async Task<DatabaseOutage> BeginAsync(string connection, PostgresServer postgres)
    {
        if (!connection.Contains('=', StringComparison.Ordinal))
        {
            var locker = new SqliteConnection($"Data Source={connection};Default Timeout=5;Pooling=False");
            await locker.OpenAsync(Ct);
            var transaction = (SqliteTransaction)await locker.BeginTransactionAsync(Ct);
            await using (var command = locker.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "UPDATE vcenters SET enabled = enabled";
                await command.ExecuteNonQueryAsync(Ct);
            }

            return new DatabaseOutage(locker, transaction);
        }

        var database = new NpgsqlConnectionStringBuilder(connection).Database!;
        await AdminAsync(postgres, $"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false");
        await AdminAsync(postgres, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        return new DatabaseOutage(postgres, database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.RollbackAsync(CancellationToken.None);
            await _lock.DisposeAsync();
            await _locker!.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await AdminAsync(_postgres, $"ALTER DATABASE \"{_database}\" WITH ALLOW_CONNECTIONS true");
            // The pools still hold the connections the outage terminated.
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task AdminAsync(PostgresServer postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.AdminConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
