using System.Data.Common;
using VcSync.Storage.Postgres;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Jobs;

/// <summary>
/// <see cref="IJobStore"/> in SQL both stores run alike; only the claim's locking differs (see <see cref="JobSql"/>).
/// Times come from the worker's clock, so workers sharing a database should keep their clocks in step (NTP).
/// </summary>
internal sealed class SqlJobStore : IJobStore
{
    private const int MaxClaimRounds = 1000;

    private readonly ISqlConnectionSource _source;
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _time;
    private readonly JobSql _sql;

    public SqlJobStore(ISqlConnectionSource source, TimeProvider time)
    {
        _source = source;
        _dialect = source.Dialect;
        _time = time;
        _sql = new JobSql(source.Dialect);
    }

    public async Task<IReadOnlyList<JobRow>> EnqueueSyncAsync(
        Guid? vcenterId, IReadOnlyList<JobTaskDefinition> tasks, bool skipIfActive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginQueueTransactionAsync(connection, cancellationToken);
        var now = Now();
        var targets = await connection.QueryAsync(transaction,
            vcenterId is null ? JobSql.EnabledVCenters : JobSql.VCenterById,
            r => ((Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, (string)_dialect.Read(r, 1, ColumnKind.Text)!),
            cancellationToken,
            vcenterId is null ? P("true", ColumnKind.Boolean, true) : P("id", ColumnKind.Uuid, vcenterId));
        if (vcenterId is not null && targets.Count == 0)
        {
            throw new InvalidOperationException($"vCenter {vcenterId} is not registered.");
        }

        var jobs = new List<JobRow>();
        foreach (var (id, name) in targets)
        {
            if (skipIfActive && await connection.ScalarAsync(transaction, JobSql.ActiveJobForVCenter, cancellationToken, P("vcenter", ColumnKind.Uuid, id)) is not null)
            {
                continue;
            }

            var job = await InsertJobAsync(connection, transaction, id, now, tasks, cancellationToken);
            jobs.Add(job with { TargetVCenterName = name });
        }

        await transaction.CommitAsync(cancellationToken);
        return jobs;
    }

    public async Task<JobClaim?> ClaimAsync(string workerId, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginQueueTransactionAsync(connection, cancellationToken);
        var now = Now();
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            var stale = await connection.QueryAsync(transaction, _sql.NextStale, ReadIdCancelWorker, cancellationToken,
                P("running", ColumnKind.Text, JobStatus.Running), P("stale", ColumnKind.Timestamp, now - staleAfter));
            if (stale.Count == 1)
            {
                var (id, cancelRequested, previous) = stale[0];
                if (cancelRequested)
                {
                    // Its worker died after the request: nothing runs it any more, so it simply ends.
                    await EndAsync(connection, transaction, id, previous, JobStatus.Cancelled, null, "cancelled", now, cancellationToken);
                    continue;
                }

                await connection.ExecuteAsync(transaction, JobSql.TakeOver, cancellationToken,
                    P("id", ColumnKind.Uuid, id), P("worker", ColumnKind.Text, workerId), P("now", ColumnKind.Timestamp, now));
                await connection.ExecuteAsync(transaction, JobSql.ResetTasks, cancellationToken, P("job", ColumnKind.Uuid, id));
                return await CommitClaimAsync(connection, transaction, id, true, previous, cancellationToken);
            }

            var untargeted = await connection.QueryAsync(transaction, _sql.NextUntargeted, r => (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, cancellationToken);
            if (untargeted.Count == 1)
            {
                await ExpandAsync(connection, transaction, untargeted[0], workerId, now, cancellationToken);
                continue;
            }

            var pending = await connection.QueryAsync(transaction, _sql.NextPending, r => (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, cancellationToken);
            if (pending.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return null;
            }

            await connection.ExecuteAsync(transaction, JobSql.Start, cancellationToken,
                P("id", ColumnKind.Uuid, pending[0]), P("worker", ColumnKind.Text, workerId), P("now", ColumnKind.Timestamp, now));
            return await CommitClaimAsync(connection, transaction, pending[0], false, null, cancellationToken);
        }

        throw new InvalidOperationException("Claiming a job went round too often; is something enqueueing in a loop?");
    }

    public async Task<HeartbeatResult> HeartbeatAsync(Guid jobId, string workerId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(null, JobSql.Heartbeat, r => (bool)_dialect.Read(r, 0, ColumnKind.Boolean)!, cancellationToken,
            P("id", ColumnKind.Uuid, jobId), P("worker", ColumnKind.Text, workerId), P("now", ColumnKind.Timestamp, Now()));
        return rows.Count == 0 ? new HeartbeatResult(false, false) : new HeartbeatResult(true, rows[0]);
    }

    public async Task<bool> UpdateTaskAsync(Guid jobId, string workerId, JobTaskUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = Now();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(null, JobSql.UpdateTask, cancellationToken,
            P("job", ColumnKind.Uuid, jobId),
            P("worker", ColumnKind.Text, workerId),
            P("name", ColumnKind.Text, update.Name),
            P("status", ColumnKind.Text, update.Status),
            P("progress", ColumnKind.Integer, Math.Clamp(update.Progress, 0, 100)),
            P("message", ColumnKind.Text, update.Message),
            P("now", ColumnKind.Timestamp, now),
            P("completed", ColumnKind.Timestamp, JobStatus.IsFinished(update.Status) ? now : null)) == 1;
    }

    public async Task<bool> FinishAsync(
        Guid jobId, string workerId, string status, string? resultJson, string? error, CancellationToken cancellationToken)
    {
        if (!JobStatus.IsFinished(status))
        {
            throw new ArgumentException($"'{status}' does not end a job.", nameof(status));
        }

        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = await EndAsync(connection, transaction, jobId, workerId, status, resultJson, error, Now(), cancellationToken);
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
        var now = Now();
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = CancelOutcome.NotFound;
        var id = P("id", ColumnKind.Uuid, jobId);
        if (await connection.ExecuteAsync(transaction, JobSql.CancelPending, cancellationToken, id, P("now", ColumnKind.Timestamp, now)) == 1)
        {
            await EndTasksAsync(connection, transaction, jobId, JobStatus.Cancelled, now, cancellationToken);
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
        return await connection.QueryAsync(null, JobSql.ListJobs, ReadJob, cancellationToken,
            P("limit", ColumnKind.Integer, Math.Max(1, limit)));
    }

    public async Task<JobRow?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, jobId, cancellationToken);
    }

    public async Task<string?> LastResultAsync(Guid vcenterId, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync(null, JobSql.LastResult, r => (string?)_dialect.Read(r, 0, ColumnKind.Json), cancellationToken,
            P("vcenter", ColumnKind.Uuid, vcenterId));
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<DbTransaction> BeginQueueTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // SQLite: Microsoft.Data.Sqlite begins IMMEDIATE, taking the write lock before the first read.
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Claims and scheduled enqueues across all workers of a PostgreSQL database go one at a time; they take milliseconds.
        await _dialect.LockAsync(connection, transaction, AdvisoryLockKeys.JobQueue, cancellationToken);
        return transaction;
    }

    private async Task<JobClaim> CommitClaimAsync(
        DbConnection connection, DbTransaction transaction, Guid id, bool takenOver, string? previous, CancellationToken cancellationToken)
    {
        var job = await FindAsync(connection, transaction, id, cancellationToken)
            ?? throw new InvalidOperationException($"Job {id} vanished while being claimed.");
        await transaction.CommitAsync(cancellationToken);
        return new JobClaim(job, takenOver, previous);
    }

    // A job for "every enabled vCenter" from another producer becomes one job per vCenter, so the per-vCenter rule holds.
    private async Task ExpandAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string workerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = await connection.QueryAsync(transaction, JobSql.TaskDefinitions,
            r => new JobTaskDefinition((string)_dialect.Read(r, 0, ColumnKind.Text)!, (string?)_dialect.Read(r, 1, ColumnKind.Text) ?? ""),
            cancellationToken, P("job", ColumnKind.Uuid, id));
        var created = await connection.QueryAsync(transaction, JobSql.JobCreatedAt,
            r => (DateTimeOffset)_dialect.Read(r, 0, ColumnKind.Timestamp)!, cancellationToken, P("id", ColumnKind.Uuid, id));
        var targets = await connection.QueryAsync(transaction, JobSql.EnabledVCenters,
            r => (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, cancellationToken, P("true", ColumnKind.Boolean, true));
        foreach (var target in targets)
        {
            // Same created_at: the split jobs keep the original's place in the queue.
            await InsertJobAsync(connection, transaction, target, created[0], tasks, cancellationToken);
        }

        await connection.ExecuteAsync(transaction, JobSql.Start, cancellationToken,
            P("id", ColumnKind.Uuid, id), P("worker", ColumnKind.Text, workerId), P("now", ColumnKind.Timestamp, now));
        await EndAsync(connection, transaction, id, workerId, JobStatus.Completed, null, null, now, cancellationToken);
    }

    private async Task<JobRow> InsertJobAsync(
        DbConnection connection, DbTransaction transaction, Guid vcenterId, DateTimeOffset createdAt,
        IReadOnlyList<JobTaskDefinition> tasks, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(transaction, JobSql.InsertJob, cancellationToken,
            P("id", ColumnKind.Uuid, id),
            P("type", ColumnKind.Text, JobTypes.VCenterSync),
            P("target", ColumnKind.Uuid, vcenterId),
            P("created", ColumnKind.Timestamp, createdAt),
            P("false", ColumnKind.Boolean, false));
        var rows = new List<JobTaskRow>(tasks.Count);
        foreach (var task in tasks)
        {
            var row = new JobTaskRow { Id = Guid.NewGuid(), Name = task.Name, Label = task.Label, Status = JobStatus.Pending };
            await connection.ExecuteAsync(transaction, JobSql.InsertTask, cancellationToken,
                P("id", ColumnKind.Uuid, row.Id), P("job", ColumnKind.Uuid, id), P("name", ColumnKind.Text, row.Name),
                P("label", ColumnKind.Text, row.Label));
            rows.Add(row);
        }

        return new JobRow
        {
            Id = id,
            JobType = JobTypes.VCenterSync,
            Status = JobStatus.Pending,
            TargetVCenterId = vcenterId,
            CreatedAt = ContractValue.Truncate(createdAt),
            Tasks = rows,
        };
    }

    private async Task<bool> EndAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string? workerId, string status, string? resultJson,
        string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = await connection.ExecuteAsync(transaction, JobSql.Finish, cancellationToken,
            P("id", ColumnKind.Uuid, id),
            P("worker", ColumnKind.Text, workerId),
            P("status", ColumnKind.Text, status),
            P("result", ColumnKind.Json, resultJson),
            P("error", ColumnKind.Text, error),
            P("now", ColumnKind.Timestamp, now)) == 1;
        if (ended)
        {
            await EndTasksAsync(connection, transaction, id, status, now, cancellationToken);
        }

        return ended;
    }

    private Task<int> EndTasksAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string status, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(transaction, JobSql.EndTasks, cancellationToken,
            P("job", ColumnKind.Uuid, id), P("status", ColumnKind.Text, status), P("now", ColumnKind.Timestamp, now));

    private async Task<JobRow?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        var jobs = await connection.QueryAsync(transaction, JobSql.JobById, ReadJob, cancellationToken, P("id", ColumnKind.Uuid, id));
        if (jobs.Count == 0)
        {
            return null;
        }

        var tasks = await connection.QueryAsync(transaction, JobSql.TasksOfJob, ReadTask, cancellationToken, P("job", ColumnKind.Uuid, id));
        return jobs[0] with { Tasks = tasks };
    }

    private JobRow ReadJob(DbDataReader r) => new()
    {
        Id = (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!,
        JobType = (string)_dialect.Read(r, 1, ColumnKind.Text)!,
        Status = (string)_dialect.Read(r, 2, ColumnKind.Text)!,
        TargetVCenterId = (Guid?)_dialect.Read(r, 3, ColumnKind.Uuid),
        TargetVCenterName = (string?)_dialect.Read(r, 4, ColumnKind.Text),
        CreatedAt = (DateTimeOffset)_dialect.Read(r, 5, ColumnKind.Timestamp)!,
        StartedAt = (DateTimeOffset?)_dialect.Read(r, 6, ColumnKind.Timestamp),
        CompletedAt = (DateTimeOffset?)_dialect.Read(r, 7, ColumnKind.Timestamp),
        WorkerId = (string?)_dialect.Read(r, 8, ColumnKind.Text),
        HeartbeatAt = (DateTimeOffset?)_dialect.Read(r, 9, ColumnKind.Timestamp),
        CancelRequested = (bool)_dialect.Read(r, 10, ColumnKind.Boolean)!,
        Result = (string?)_dialect.Read(r, 11, ColumnKind.Json),
        Error = (string?)_dialect.Read(r, 12, ColumnKind.Text),
    };

    private JobTaskRow ReadTask(DbDataReader r) => new()
    {
        Id = (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!,
        Name = (string)_dialect.Read(r, 1, ColumnKind.Text)!,
        Label = (string?)_dialect.Read(r, 2, ColumnKind.Text),
        Status = (string)_dialect.Read(r, 3, ColumnKind.Text)!,
        Progress = (int)_dialect.Read(r, 4, ColumnKind.Integer)!,
        Message = (string?)_dialect.Read(r, 5, ColumnKind.Text),
        StartedAt = (DateTimeOffset?)_dialect.Read(r, 6, ColumnKind.Timestamp),
        CompletedAt = (DateTimeOffset?)_dialect.Read(r, 7, ColumnKind.Timestamp),
    };

    private (Guid Id, bool CancelRequested, string? WorkerId) ReadIdCancelWorker(DbDataReader r) =>
        ((Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, (bool)_dialect.Read(r, 1, ColumnKind.Boolean)!, (string?)_dialect.Read(r, 2, ColumnKind.Text));

    private DateTimeOffset Now() => ContractValue.Truncate(_time.GetUtcNow());

    private DbParameter P(string name, ColumnKind kind, object? value) => _dialect.Parameter(name, kind, value);



}
