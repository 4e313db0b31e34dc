namespace VcSync.Storage.Watchers;

/// <summary><see cref="IWatcherStore"/> for both databases.</summary>
internal sealed class SqlWatcherStore(ISqlConnectionSource source, TimeProvider time) : IWatcherStore
{
    public async Task<bool> TryClaimAsync(Guid vcenterId, string workerId, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        return await WatcherSql.ClaimAsync(source.Dialect, connection, vcenterId, workerId, time.GetUtcNow(), staleAfter, cancellationToken);
    }

    public async Task<bool> HeartbeatAsync(Guid vcenterId, string workerId, string? status, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        return await WatcherSql.HeartbeatAsync(source.Dialect, connection, vcenterId, workerId, status, error, time.GetUtcNow(), cancellationToken);
    }

    public async Task<IReadOnlyList<WatcherRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var order = source.Dialect.OrderBy(new Schema.ColumnSchema("name", Schema.ColumnKind.Text));
        return await connection.QueryAsync(
            null,
            $"SELECT {WatcherSql.Columns} FROM vcenter_watchers w JOIN vcenters v ON v.id = w.vcenter_id ORDER BY v.{order}",
            r => WatcherSql.Read(source.Dialect, r),
            cancellationToken);
    }
}
