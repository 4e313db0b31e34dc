using System.Data.Common;
using DbUp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VcSync.Storage.Alarms;
using VcSync.Storage.Migrations;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;

namespace VcSync.Storage.Postgres;

/// <summary>
/// The inventory in a PostgreSQL database, through one pooled <see cref="NpgsqlDataSource"/>. Sync writes stream the
/// snapshot with binary COPY and upsert it set-wise; see <see cref="PostgresTableWriter"/>.
/// </summary>
public sealed class PostgresInventoryStore : SqlInventoryStore
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;

    /// <summary>A store on the database <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...</c>) or a <c>postgres://</c> URI.</param>
    /// <param name="loggerFactory">Where to log; nowhere when null.</param>
    public PostgresInventoryStore(string connectionString, ILoggerFactory? loggerFactory = null)
        : base(PostgresDialect.Instance, isPostgres: true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = PostgresConnectionStrings.Normalize(connectionString);
        var builder = new NpgsqlDataSourceBuilder(_connectionString);
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        _dataSource = builder.Build();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresInventoryStore>();
    }

    /// <inheritdoc />
    public override async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // DbUp takes no lock of its own; workers starting together would race to create the same tables.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKeys.Migration);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var result = DeployChanges.To
                .PostgresqlDatabase(_connectionString)
                .WithScripts("Postgres")
                .JournalToPostgresqlTable("public", MigrationScripts.JournalTable)
                .LogTo(new DbUpLog(_logger))
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migrating the PostgreSQL database failed at {result.ErrorScript?.Name ?? "?"}: {result.Error?.Message}",
                    result.Error);
            }

            if (result.Scripts.Any())
            {
                _logger.LogInformation("Migrated the PostgreSQL database: {Scripts}", string.Join(", ", result.Scripts.Select(s => s.Name)));
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", AdvisoryLockKeys.Migration);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public override async Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var snapshot = write.Snapshot;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Core.EnsureVCenterExistsAsync(connection, transaction, write.VCenterId, cancellationToken);

        var writer = new PostgresTableWriter(connection, transaction, write.VCenterId, write.SyncedAt);
        var result = new InventoryWriteResult
        {
            Clusters = await writer.WriteAsync(SyncedTables.Clusters, snapshot.Clusters, cancellationToken),
            Hosts = await writer.WriteAsync(SyncedTables.Hosts, snapshot.Hosts, cancellationToken),
            Vms = await writer.WriteAsync(SyncedTables.Vms, snapshot.Vms, cancellationToken),
            Datastores = await writer.WriteAsync(SyncedTables.Datastores, snapshot.Datastores, cancellationToken),
            DatastoreHosts = await writer.WriteDatastoreHostsAsync(snapshot.DatastoreHosts, cancellationToken),
            Networks = await writer.WriteAsync(SyncedTables.Networks, snapshot.Networks, cancellationToken),
            Alarms = snapshot.Alarms is { } alarms
                ? await writer.WriteAsync(SyncedTables.Alarms, alarms, cancellationToken)
                : TableChanges.None,
        };

        result = await CompleteSyncWriteAsync(connection, transaction, write, result, cancellationToken);
        _logger.LogDebug("Wrote sync of vCenter {VCenterId}: {Rows} rows written", write.VCenterId, result.RowsWritten);
        return result;
    }

    // Linking reads every vCenter's hosts: two syncs linking at once would each miss the other's hosts. The lock is
    // held to commit, so the second pass sees the first one's rows.
    private protected override async Task LockLinkingAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("key", AdvisoryLockKeys.Linking);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections.</summary>
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection from this store's pool; for tests and tools.</summary>
    internal ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);
}
