using VcSync.Storage.Schema;

namespace VcSync.Storage.Jobs;

/// <summary>
/// <see cref="IJobStore"/> in SQL both stores run alike. Claiming and enqueueing are <see cref="JobClaims"/>; this
/// class reads jobs and makes the writes of the worker that holds one (each conditional on it still holding it) and
/// of cancel requests. Times come from the worker's clock, so workers sharing a database should keep their clocks in
/// step (NTP).
/// </summary>
internal sealed class SqlJobStore : IJobStore
{
    private readonly ISqlConnectionSource _source;
    private readonly ISqlDialect _dialect;
    private readonly JobRows _rows;
    private readonly JobClaims _claims;

    public SqlJobStore(ISqlConnectionSource source, TimeProvider time)
    {
        _source = source;
        _dialect = source.Dialect;
        _rows = new JobRows(source.Dialect, time);
        _claims = new JobClaims(source, _rows);
    }

    public Task<IReadOnlyList<JobRow>> EnqueueSyncAsync(
        Guid? vcenterId, IReadOnlyList<JobTaskDefinition> tasks, bool skipIfActive, CancellationToken cancellationToken) =>
        _claims.EnqueueSyncAsync(vcenterId, tasks, skipIfActive, cancellationToken);

    public Task<JobClaim?> ClaimAsync(string workerId, TimeSpan staleAfter, CancellationToken cancellationToken) =>
        _claims.ClaimAsync(workerId, staleAfter, cancellationToken);

    public async Task<HeartbeatResult> HeartbeatAsync(Guid jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(null, JobSql.Heartbeat, r => (bool)_dialect.Read(r, 0, ColumnKind.Boolean)!, cancellationToken,
            P("id", ColumnKind.Uuid, jobId), P("worker", ColumnKind.Text, workerId), P("now", ColumnKind.Timestamp, _rows.Now()));
        return rows.Count == 0 ? new HeartbeatResult(false, false) : new HeartbeatResult(true, rows[0]);
    }

    public async Task<bool> UpdateTaskAsync(Guid jobId, string workerId, JobTaskUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = _rows.Now();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(null, JobSql.UpdateTask, cancellationToken,
            P("job", ColumnKind.Uuid, jobId),
            P("worker", ColumnKind.Text, workerId),
            P("name", ColumnKind.Text, update.Name.ToText()),
            _rows.Status("status", update.Status),
            P("progress", ColumnKind.Integer, Math.Clamp(update.Progress, 0, 100)),
            P("message", ColumnKind.Text, update.Message),
            P("now", ColumnKind.Timestamp, now),
            P("completed", ColumnKind.Timestamp, update.Status.IsFinished() ? now : null)) == 1;
    }

    public async Task<bool> FinishAsync(
        Guid jobId, string workerId, JobStatus status, string? resultJson, string? error, CancellationToken cancellationToken)
    {
        if (!status.IsFinished())
        {
            throw new ArgumentException($"'{status.ToText()}' does not end a job.", nameof(status));
        }

        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await _rows.EndAsync(connection, transaction, jobId, workerId, status, resultJson, error, _rows.Now(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ended;
    }

    public async Task<bool> ReleaseAsync(Guid jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var released = await connection.ExecuteAsync(transaction, JobSql.Release, cancellationToken,
            P("id", ColumnKind.Uuid, jobId), P("worker", ColumnKind.Text, workerId)) == 1;
        if (released)
        {
            await connection.ExecuteAsync(transaction, JobSql.ResetTasks, cancellationToken, P("job", ColumnKind.Uuid, jobId));
        }

        await transaction.CommitAsync(cancellationToken);
        return released;
    }

    public async Task<CancelOutcome> RequestCancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var now = _rows.Now();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = CancelOutcome.NotFound;
        if (await connection.ExecuteAsync(transaction, JobSql.CancelPending, cancellationToken, P("id", ColumnKind.Uuid, jobId), P("now", ColumnKind.Timestamp, now)) == 1)
        {
            await _rows.EndTasksAsync(connection, transaction, jobId, JobStatus.Cancelled, now, cancellationToken);
            outcome = CancelOutcome.Cancelled;
        }
        else if (await connection.ExecuteAsync(transaction, JobSql.RequestCancel, cancellationToken, P("id", ColumnKind.Uuid, jobId)) == 1)
        {
            outcome = CancelOutcome.Requested;
        }
        else if (await connection.ScalarAsync(transaction, JobSql.JobExists, cancellationToken, P("id", ColumnKind.Uuid, jobId)) is not null)
        {
            outcome = CancelOutcome.AlreadyFinished;
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<JobRow>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await connection.QueryAsync(null, JobSql.ListJobs, _rows.ReadJob, cancellationToken,
            P("limit", ColumnKind.Integer, Math.Max(1, limit)));
    }

    public async Task<JobRow?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await _rows.FindAsync(connection, null, jobId, cancellationToken);
    }

    public async Task<string?> LastResultAsync(Guid vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(null, JobSql.LastResult, r => (string?)_dialect.Read(r, 0, ColumnKind.Json), cancellationToken,
            P("vcenter", ColumnKind.Uuid, vcenterId));
        return rows.Count == 0 ? null : rows[0];
    }

    private System.Data.Common.DbParameter P(string name, ColumnKind kind, object? value) => _rows.P(name, kind, value);
}
