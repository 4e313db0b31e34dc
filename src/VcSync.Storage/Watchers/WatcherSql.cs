using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Watchers;

/// <summary>The statements on <c>vcenter_watchers</c>, the same on both databases.</summary>
internal static class WatcherSql
{
    public const string Columns =
        "w.vcenter_id, v.name, w.worker_id, w.status, w.started_at, w.heartbeat_at, w.last_update_at, w.last_version, " +
        "w.updates_applied, w.changes_applied, w.lag_ms, w.last_error";

    /// <summary>Takes the watcher row of a vCenter: new, already this worker's, stale, or left stopped or failed. One statement, so two workers cannot both win.</summary>
    public static async Task<bool> ClaimAsync(
        ISqlDialect dialect, DbConnection connection, Guid vcenterId, string workerId, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            null,
            "INSERT INTO vcenter_watchers (vcenter_id, worker_id, status, started_at, heartbeat_at, updates_applied, changes_applied) " +
            "VALUES (@vcenter, @worker, 'starting', @now, @now, 0, 0) " +
            "ON CONFLICT (vcenter_id) DO UPDATE SET worker_id = excluded.worker_id, status = 'starting', started_at = excluded.started_at, " +
            "heartbeat_at = excluded.heartbeat_at, last_error = NULL " +
            "WHERE vcenter_watchers.worker_id = excluded.worker_id OR vcenter_watchers.heartbeat_at < @stale " +
            "OR vcenter_watchers.status IN ('stopped', 'failed')",
            cancellationToken,
            dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId),
            dialect.Parameter("worker", ColumnKind.Text, workerId),
            dialect.Parameter("now", ColumnKind.Timestamp, ContractValue.Truncate(now)),
            dialect.Parameter("stale", ColumnKind.Timestamp, ContractValue.Truncate(now - staleAfter))) == 1;

    /// <summary>Stamps the heartbeat (and a status) if the row is still this worker's.</summary>
    public static async Task<bool> HeartbeatAsync(
        ISqlDialect dialect, DbConnection connection, Guid vcenterId, string workerId, string? status, string? error, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            null,
            "UPDATE vcenter_watchers SET heartbeat_at = @now, status = COALESCE(@status, status), " +
            "last_error = CASE WHEN @status IS NULL THEN last_error ELSE @error END WHERE vcenter_id = @vcenter AND worker_id = @worker",
            cancellationToken,
            dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId),
            dialect.Parameter("worker", ColumnKind.Text, workerId),
            dialect.Parameter("status", ColumnKind.Text, status),
            dialect.Parameter("error", ColumnKind.Text, error),
            dialect.Parameter("now", ColumnKind.Timestamp, ContractValue.Truncate(now))) == 1;

    /// <summary>The fencing check of a write: the row is still this worker's (and its heartbeat is stamped).</summary>
    public static async Task<bool> TouchAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, Guid vcenterId, string workerId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            transaction,
            "UPDATE vcenter_watchers SET heartbeat_at = @now WHERE vcenter_id = @vcenter AND worker_id = @worker",
            cancellationToken,
            dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId),
            dialect.Parameter("worker", ColumnKind.Text, workerId),
            dialect.Parameter("now", ColumnKind.Timestamp, ContractValue.Truncate(now))) == 1;

    /// <summary>Records an applied update set on the row.</summary>
    public static Task RecordUpdateAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, LiveWrite write, string workerId, int changes,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            transaction,
            write.IsUpdateSet
                ? "UPDATE vcenter_watchers SET status = 'watching', last_update_at = @at, last_version = COALESCE(@version, last_version), " +
                  "updates_applied = updates_applied + 1, changes_applied = changes_applied + @changes, lag_ms = COALESCE(@lag, lag_ms), " +
                  "last_error = NULL WHERE vcenter_id = @vcenter AND worker_id = @worker"
                : "UPDATE vcenter_watchers SET changes_applied = changes_applied + @changes, last_version = COALESCE(@version, last_version), " +
                  "lag_ms = COALESCE(@lag, lag_ms) WHERE vcenter_id = @vcenter AND worker_id = @worker",
            cancellationToken,
            dialect.Parameter("vcenter", ColumnKind.Uuid, write.VCenterId),
            dialect.Parameter("worker", ColumnKind.Text, workerId),
            dialect.Parameter("at", ColumnKind.Timestamp, ContractValue.Truncate(write.At)),
            dialect.Parameter("version", ColumnKind.Text, write.Version),
            dialect.Parameter("changes", ColumnKind.BigInteger, (long)changes),
            dialect.Parameter(
                "lag",
                ColumnKind.Integer,
                write.ReceivedTimestamp is { } received ? (int)Math.Min(int.MaxValue, System.Diagnostics.Stopwatch.GetElapsedTime(received).TotalMilliseconds) : null));

    public static WatcherRow Read(ISqlDialect dialect, DbDataReader r) => new()
    {
        VCenterId = (Guid)dialect.Read(r, 0, ColumnKind.Uuid)!,
        VCenterName = (string)dialect.Read(r, 1, ColumnKind.Text)!,
        WorkerId = (string)dialect.Read(r, 2, ColumnKind.Text)!,
        Status = (string)dialect.Read(r, 3, ColumnKind.Text)!,
        StartedAt = (DateTimeOffset)dialect.Read(r, 4, ColumnKind.Timestamp)!,
        HeartbeatAt = (DateTimeOffset)dialect.Read(r, 5, ColumnKind.Timestamp)!,
        LastUpdateAt = (DateTimeOffset?)dialect.Read(r, 6, ColumnKind.Timestamp),
        LastVersion = (string?)dialect.Read(r, 7, ColumnKind.Text),
        UpdatesApplied = (long)dialect.Read(r, 8, ColumnKind.BigInteger)!,
        ChangesApplied = (long)dialect.Read(r, 9, ColumnKind.BigInteger)!,
        LagMs = (int?)dialect.Read(r, 10, ColumnKind.Integer),
        LastError = (string?)dialect.Read(r, 11, ColumnKind.Text),
    };
}
