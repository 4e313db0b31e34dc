using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VcSync.Storage.Sqlite;

/// <summary>
/// The inventory in a SQLite file: WAL journal (readers never wait for the sync's write), foreign keys on, a busy
/// timeout so a second writer waits rather than fails. Each call uses a pooled connection of its own.
/// </summary>
public sealed class SqliteInventoryStore : SqlInventoryStore
{
    private static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    /// <summary>Opens (and on <see cref="MigrateAsync"/> creates) the database file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file, e.g. from <c>--db</c>.</param>
    /// <param name="loggerFactory">Where to log; nowhere when null.</param>
    /// <param name="busyTimeout">How long a call waits for another process's lock on the file before it fails ("database is locked"); 30 s by default.</param>
    public SqliteInventoryStore(string path, ILoggerFactory? loggerFactory = null, TimeSpan? busyTimeout = null)
        : base(SqliteDialect.Instance, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteInventoryStore>())
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var wait = busyTimeout ?? DefaultBusyTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        _busyTimeoutMs = (int)Math.Min(int.MaxValue, wait.TotalMilliseconds);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite reads 0 as "wait for ever": at least one second.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)),
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    private protected override string DatabaseName => Path;

    /// <inheritdoc />
    public override Task MigrateAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return base.MigrateAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted.</summary>
    public override ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken);

    /// <summary>An open connection with this store's per-connection settings; for tests and tools.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // NORMAL is durable in WAL mode except for the last commits on power loss, and much faster than FULL.
            await connection.ExecuteAsync(null, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
