using System.Data.Common;
using DbUp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage.Alarms;
using VcSync.Storage.Migrations;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;

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
    private readonly ILogger _logger;

    /// <summary>Opens (and on <see cref="MigrateAsync"/> creates) the database file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file, e.g. from <c>--db</c>.</param>
    /// <param name="loggerFactory">Where to log; nowhere when null.</param>
    /// <param name="busyTimeout">How long a call waits for another process's lock on the file before it fails ("database is locked"); 30 s by default.</param>
    public SqliteInventoryStore(string path, ILoggerFactory? loggerFactory = null, TimeSpan? busyTimeout = null)
        : base(SqliteDialect.Instance, isPostgres: false)
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
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteInventoryStore>();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using (var connection = await OpenAsync(cancellationToken))
        {
            // WAL is a property of the file: set once, every later connection gets it.
            await using var command = SqlStoreCore.Command(connection, null, "PRAGMA journal_mode = WAL");
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var result = DeployChanges.To
            .SqliteDatabase(_connectionString)
            .WithScripts("Sqlite")
            .JournalToSqliteTable(MigrationScripts.JournalTable)
            .LogTo(new DbUpLog(_logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migrating {Path} failed at {result.ErrorScript?.Name ?? "?"}: {result.Error?.Message}", result.Error);
        }

        if (result.Scripts.Any())
        {
            _logger.LogInformation("Migrated {Path}: {Scripts}", Path, string.Join(", ", result.Scripts.Select(s => s.Name)));
        }
    }

    /// <inheritdoc />
    public override async Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var snapshot = write.Snapshot;
        await using var connection = await OpenAsync(cancellationToken);
        // A page cache that holds a large vCenter's tables and indexes (the default is 2 MB), so the diff's reads
        // and the writes' index updates do not go back to the file.
        await using (var pragma = SqlStoreCore.Command(connection, null, "PRAGMA cache_size = -65536"))
        {
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE: take the write lock up front, so a concurrent writer waits at the start (busy timeout)
        // instead of failing halfway when a read lock cannot be upgraded.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await Core.EnsureVCenterExistsAsync(connection, transaction, write.VCenterId, cancellationToken);

        var writer = new SqliteTableWriter(connection, transaction, write.VCenterId, write.SyncedAt);
        var result = new InventoryWriteResult
        {
            Clusters = writer.Write(SyncedTables.Clusters, snapshot.Clusters, cancellationToken),
            Hosts = writer.Write(SyncedTables.Hosts, snapshot.Hosts, cancellationToken),
            Vms = writer.Write(SyncedTables.Vms, snapshot.Vms, cancellationToken),
            Datastores = writer.Write(SyncedTables.Datastores, snapshot.Datastores, cancellationToken),
            DatastoreHosts = writer.WriteDatastoreHosts(snapshot.DatastoreHosts, cancellationToken),
            Networks = writer.Write(SyncedTables.Networks, snapshot.Networks, cancellationToken),
            Alarms = snapshot.Alarms is { } alarms ? writer.Write(SyncedTables.Alarms, alarms, cancellationToken) : TableChanges.None,
        };

        result = await CompleteSyncWriteAsync(connection, transaction, write, result, cancellationToken);
        _logger.LogDebug("Wrote sync of vCenter {VCenterId} to {Path}: {Rows} rows written", write.VCenterId, Path, result.RowsWritten);
        return result;
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
            await using var command = SqlStoreCore.Command(
                connection, null, $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA synchronous = NORMAL");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
