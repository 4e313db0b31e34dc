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
public sealed class PostgresInventoryStore : IInventoryStore, ISqlConnectionSource
{
    // An arbitrary constant: the advisory lock that keeps two processes from migrating at once.
    private const long MigrationLockKey = 0x5663_5379_6E63_0001;

    // Another arbitrary constant: the advisory lock that serializes auto-linking passes.
    private const long LinkingLockKey = 0x5663_5379_6E63_0002;

    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly SqlStoreCore _core = new(PostgresDialect.Instance);
    private readonly ServerLinker _linker = new(PostgresDialect.Instance);
    private readonly RowQueries _queries = new(PostgresDialect.Instance);

    /// <summary>A store on the database <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...</c>) or a <c>postgres://</c> URI.</param>
    /// <param name="loggerFactory">Where to log; nowhere when null.</param>
    public PostgresInventoryStore(string connectionString, ILoggerFactory? loggerFactory = null)
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
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // DbUp takes no lock of its own; workers starting together would race to create the same tables.
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", MigrationLockKey);
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
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VCenterRow>> ListVCentersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.ListVCentersAsync(connection, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VCenterRow?> FindVCenterAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.FindVCenterAsync(connection, "id", ColumnKind.Uuid, id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VCenterRow?> FindVCenterByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.FindVCenterAsync(connection, "name", ColumnKind.Text, name, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VCenterRow?> FindVCenterByUrlAsync(string url, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.FindVCenterAsync(connection, "url", ColumnKind.Text, url, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VCenterRow> AddVCenterAsync(VCenterRegistration registration, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.AddVCenterAsync(connection, registration, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateVCenterAsync(VCenterRow vcenter, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.UpdateVCenterAsync(connection, vcenter, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveVCenterAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.RemoveVCenterAsync(connection, id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var snapshot = write.Snapshot;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _core.EnsureVCenterExistsAsync(connection, transaction, write.VCenterId, cancellationToken);

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

        await LockLinkingAsync(connection, transaction, cancellationToken);
        var links = await _linker.LinkAsync(connection, transaction, write.SyncedAt, write.VCenterId, cancellationToken);
        result = result with { AutoLinked = links.AutoLinked, Ambiguous = links.Ambiguous };
        await _core.RecordSyncSuccessAsync(connection, transaction, write, cancellationToken);
        await _core.InsertActivitiesAsync(connection, transaction, write.Activities, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken);
        _logger.LogDebug("Wrote sync of vCenter {VCenterId}: {Rows} rows written", write.VCenterId, result.RowsWritten);
        return result;
    }

    /// <inheritdoc />
    public async Task<ServerImportResult> ImportServersAsync(
        IReadOnlyList<ServerImportRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (inserted, updated, unchanged) = await new ServerImporter(PostgresDialect.Instance)
            .UpsertAsync(connection, transaction, rows, cancellationToken);
        await LockLinkingAsync(connection, transaction, cancellationToken);
        var links = await _linker.LinkAsync(connection, transaction, at, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ServerImportResult
        {
            New = inserted,
            Updated = updated,
            Unchanged = unchanged,
            AutoLinked = links.AutoLinked,
            Ambiguous = links.Ambiguous,
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListAlarmsAsync(AlarmQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _queries.ListAlarmsAsync(connection, query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListServersAsync(bool unlinkedOnly, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _queries.ListServersAsync(connection, unlinkedOnly, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordSyncFailureAsync(SyncFailure failure, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _core.RecordSyncFailureAsync(connection, transaction, failure, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(
        string table, Guid? vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.ListRowsAsync(connection, table, vcenterId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await _core.CountRowsAsync(connection, cancellationToken);
    }

    // Linking reads every vCenter's hosts: two syncs linking at once would each miss the other's hosts. The lock is
    // held to commit, so the second pass sees the first one's rows.
    private static async Task LockLinkingAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", LinkingLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    ISqlDialect ISqlConnectionSource.Dialect => PostgresDialect.Instance;

    bool ISqlConnectionSource.IsPostgres => true;

    async Task<System.Data.Common.DbConnection> ISqlConnectionSource.OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection from this store's pool; for tests and tools.</summary>
    internal ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);
}
