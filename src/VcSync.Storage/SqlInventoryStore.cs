using System.Data.Common;
using VcSync.Storage.Alarms;
using VcSync.Storage.Jobs;
using VcSync.Storage.Schema;
using VcSync.Storage.Servers;

namespace VcSync.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores do alike: each call on a connection of its own, the same SQL for the vCenter
/// registry, listings, server imports and the end of a sync write. The stores differ in how they connect, migrate and
/// write the synced tables, and in whether linking needs a lock across processes.
/// </summary>
public abstract class SqlInventoryStore : IInventoryStore, ISqlConnectionSource
{
    private readonly ISqlDialect _dialect;
    private readonly bool _isPostgres;
    private readonly RowQueries _queries;

    private protected SqlInventoryStore(ISqlDialect dialect, bool isPostgres)
    {
        _dialect = dialect;
        _isPostgres = isPostgres;
        _queries = new RowQueries(dialect);
        Core = new SqlStoreCore(dialect);
        Linker = new ServerLinker(dialect);
    }

    ISqlDialect ISqlConnectionSource.Dialect => _dialect;

    bool ISqlConnectionSource.IsPostgres => _isPostgres;

    private protected SqlStoreCore Core { get; }

    private protected ServerLinker Linker { get; }

    /// <inheritdoc />
    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task<InventoryWriteResult> WriteSyncAsync(SyncWrite write, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <inheritdoc />
    public async Task<IReadOnlyList<VCenterRow>> ListVCentersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await Core.ListVCentersAsync(connection, cancellationToken);
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
        return await Core.AddVCenterAsync(connection, registration, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateVCenterAsync(VCenterRow vcenter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await Core.UpdateVCenterAsync(connection, vcenter, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveVCenterAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await Core.RemoveVCenterAsync(connection, id, cancellationToken);
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
        await LockLinkingAsync(connection, transaction, cancellationToken);
        var links = await Linker.LinkAsync(connection, transaction, at, null, cancellationToken);
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
        await JobFenceCheck.EnsureHeldAsync(connection, transaction, _dialect, _isPostgres, failure.Fence, cancellationToken);
        await Core.RecordSyncFailureAsync(connection, transaction, failure, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListRowsAsync(
        string table, Guid? vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await Core.ListRowsAsync(connection, table, vcenterId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await Core.CountRowsAsync(connection, cancellationToken);
    }

    Task<DbConnection> ISqlConnectionSource.OpenConnectionAsync(CancellationToken cancellationToken) => OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection with the store's settings.</summary>
    private protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Serialises linking passes across processes where the database needs it to; held until commit.</summary>
    private protected virtual Task LockLinkingAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// The end of a sync write once the synced tables are written: check the job fence (if any), link hosts and servers,
    /// record the sync and its activities, and commit, unless the sync was cancelled meanwhile.
    /// </summary>
    private protected async Task<InventoryWriteResult> CompleteSyncWriteAsync(
        DbConnection connection, DbTransaction transaction, SyncWrite write, InventoryWriteResult written, CancellationToken cancellationToken)
    {
        await JobFenceCheck.EnsureHeldAsync(connection, transaction, _dialect, _isPostgres, write.Fence, cancellationToken);
        await LockLinkingAsync(connection, transaction, cancellationToken);
        var links = await Linker.LinkAsync(connection, transaction, write.SyncedAt, write.VCenterId, cancellationToken);
        await Core.RecordSyncSuccessAsync(connection, transaction, write, cancellationToken);
        await Core.InsertActivitiesAsync(connection, transaction, write.Activities, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        await transaction.CommitAsync(cancellationToken);
        return written with { AutoLinked = links.AutoLinked, Ambiguous = links.Ambiguous };
    }

    private async Task<VCenterRow?> FindVCenterByAsync(string column, ColumnKind kind, object value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await Core.FindVCenterAsync(connection, column, kind, value, cancellationToken);
    }
}
