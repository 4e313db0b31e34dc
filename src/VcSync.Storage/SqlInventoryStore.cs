using System.Data.Common;
using Microsoft.Extensions.Logging;
using VcSync.Storage.Alarms;
using VcSync.Storage.Cursors;
using VcSync.Storage.Jobs;
using VcSync.Storage.Migrations;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;
using VcSync.Storage.Writing;

namespace VcSync.Storage;

/// <summary>
/// The store both databases share: each call on a connection of its own, and the same code for migrations, the sync
/// write (<see cref="SyncWriter"/>), the vCenter registry, listings and server imports. What differs between SQLite and
/// PostgreSQL is the <see cref="ISqlDialect"/>; the subclasses only say how to connect.
/// </summary>
public abstract class SqlInventoryStore : IInventoryStore, ISqlConnectionSource
{
    private readonly ISqlDialect _dialect;
    private readonly RowQueries _queries;
    private readonly SqlStoreCore _core;
    private readonly ServerLinker _linker;
    private readonly SyncWriter _writer;
    private readonly LiveWriter _liveWriter;
    private readonly UnchangedSyncWriter _unchangedWriter;
    private readonly MigrationRunner _migrations;

    private protected SqlInventoryStore(ISqlDialect dialect, ILogger logger)
    {
        _dialect = dialect;
        _queries = new RowQueries(dialect);
        _core = new SqlStoreCore(dialect);
        _linker = new ServerLinker(dialect);
        _writer = new SyncWriter(dialect, _core, _linker);
        _liveWriter = new LiveWriter(dialect, _core, _linker);
        _unchangedWriter = new UnchangedSyncWriter(dialect, _core, _linker);
        _migrations = new MigrationRunner(dialect, logger);
        Logger = logger;
    }

    ISqlDialect ISqlConnectionSource.Dialect => _dialect;

    private protected ILogger Logger { get; }

    /// <summary>How errors and logs name the database.</summary>
    private protected abstract string DatabaseName { get; }

    /// <inheritdoc />
    public virtual async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await _migrations.RunAsync(connection, DatabaseName, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken)
    {
        var result = await _writer.WriteAsync(OpenConnectionAsync, write, cancellationToken);
        Logger.LogDebug("Wrote sync of vCenter {VCenterId} to {Database}: {Rows} rows written", write.VCenterId, DatabaseName, result.RowsWritten);
        return result;
    }

    /// <inheritdoc />
    public async Task<ISyncWriteSession> BeginSyncWriteAsync(SyncWrite write, CancellationToken cancellationToken) =>
        await _writer.BeginAsync(OpenConnectionAsync, write, cancellationToken);

    /// <inheritdoc />
    public Task<LiveWriteResult> ApplyChangesAsync(LiveWrite write, CancellationToken cancellationToken) =>
        _liveWriter.WriteAsync(OpenConnectionAsync, write, cancellationToken);

    /// <inheritdoc />
    public async Task<SyncCursor?> ReadSyncCursorAsync(Guid vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await SyncCursorSql.ReadAsync(_dialect, connection, null, vcenterId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<InventoryWriteResult> RecordUnchangedSyncAsync(UnchangedSync sync, CancellationToken cancellationToken)
    {
        var result = await _unchangedWriter.WriteAsync(OpenConnectionAsync, sync, cancellationToken);
        Logger.LogDebug("Recorded unchanged sync of vCenter {VCenterId} in {Database}: cursor at version {Version}", sync.VCenterId, DatabaseName, sync.Next.Version);
        return result;
    }

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <inheritdoc />
    public async Task<IReadOnlyList<VCenterRow>> ListVCentersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.ListVCentersAsync(connection, cancellationToken);
    }

    /// <inheritdoc />
    public Task<VCenterRow?> FindVCenterAsync(Guid id, CancellationToken cancellationToken) =>
        FindVCenterByAsync("id", ColumnKind.Uuid, id, cancellationToken);

    /// <inheritdoc />
    public Task<VCenterRow?> FindVCenterByNameAsync(string name, CancellationToken cancellationToken) =>
        FindVCenterByAsync("name", ColumnKind.Text, name, cancellationToken);

    /// <inheritdoc />
    public Task<VCenterRow?> FindVCenterByUrlAsync(string url, CancellationToken cancellationToken) =>
        FindVCenterByAsync("url", ColumnKind.Text, url, cancellationToken);

    /// <inheritdoc />
    public async Task<VCenterRow> AddVCenterAsync(VCenterRegistration registration, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.AddVCenterAsync(connection, registration, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateVCenterAsync(VCenterRow vcenter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.UpdateVCenterAsync(connection, vcenter, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveVCenterAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.RemoveVCenterAsync(connection, id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ServerImportResult> ImportServersAsync(
        IReadOnlyList<ServerImportRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (inserted, updated, unchanged) = await new ServerImporter(_dialect)
            .UpsertAsync(connection, transaction, rows, cancellationToken);
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
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _queries.ListAlarmsAsync(connection, query, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListServersAsync(bool unlinkedOnly, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _queries.ListServersAsync(connection, unlinkedOnly, cancellationToken);
    }

    /// <inheritdoc />
    public async Task RecordSyncFailureAsync(SyncFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await JobFenceCheck.EnsureHeldAsync(connection, transaction, _dialect, failure.Fence, cancellationToken);
        await _core.RecordSyncFailureAsync(connection, transaction, failure, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(
        string table, Guid? vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.ListRowsAsync(connection, table, vcenterId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.CountRowsAsync(connection, cancellationToken);
    }

    Task<DbConnection> ISqlConnectionSource.OpenConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection with the store's settings.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    private async Task<VCenterRow?> FindVCenterByAsync(string column, ColumnKind kind, object value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await _core.FindVCenterAsync(connection, column, kind, value, cancellationToken);
    }
}
