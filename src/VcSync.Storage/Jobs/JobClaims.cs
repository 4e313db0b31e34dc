using System.Data.Common;
using VcSync.Storage.Postgres;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Jobs;

/// <summary>
/// The queue's claiming half: enqueueing and claiming, each in one transaction under the queue's lock (an advisory
/// lock on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c> row picks; <c>BEGIN IMMEDIATE</c> on SQLite).
/// </summary>
internal sealed class JobClaims
{
    private const int MaxClaimRounds = 1000;

    private readonly ISqlConnectionSource _source;
    private readonly ISqlDialect _dialect;
    private readonly JobRows _rows;
    private readonly JobSql _sql;

    public JobClaims(ISqlConnectionSource source, JobRows rows)
    {
        _source = source;
        _dialect = source.Dialect;
        _rows = rows;
        _sql = new JobSql(source.Dialect);
    }

    public async Task<IReadOnlyList<JobRow>> EnqueueSyncAsync(
        Guid? vcenterId, IReadOnlyList<JobTaskDefinition> tasks, bool skipIfActive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginQueueTransactionAsync(connection, cancellationToken);
        var now = _rows.Now();
        var targets = await connection.QueryAsync(transaction,
            vcenterId is null ? JobSql.EnabledVCenters : JobSql.VCenterById,
            r => ((Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, (string)_dialect.Read(r, 1, ColumnKind.Text)!),
            cancellationToken,
            vcenterId is null ? _rows.P("true", ColumnKind.Boolean, true) : _rows.P("id", ColumnKind.Uuid, vcenterId));
        if (vcenterId is not null && targets.Count == 0)
        {
            throw new InvalidOperationException($"vCenter {vcenterId} is not registered.");
        }

        var jobs = new List<JobRow>();
        foreach (var (id, name) in targets)
        {
            if (skipIfActive
                && await connection.ScalarAsync(transaction, JobSql.ActiveJobForVCenter, cancellationToken, _rows.P("vcenter", ColumnKind.Uuid, id)) is not null)
            {
                continue;
            }

            var job = await _rows.InsertAsync(connection, transaction, id, now, tasks, cancellationToken);
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
        var now = _rows.Now();
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            var stale = await connection.QueryAsync(transaction, _sql.NextStale, ReadIdCancelWorker, cancellationToken,
                _rows.Status("running", JobStatus.Running), _rows.P("stale", ColumnKind.Timestamp, now - staleAfter));
            if (stale.Count == 1)
            {
                var (id, cancelRequested, previous) = stale[0];
                if (cancelRequested)
                {
                    // Its worker died after the request: nothing runs it any more, so it simply ends.
                    await _rows.EndAsync(connection, transaction, id, previous, JobStatus.Cancelled, null, "cancelled", now, cancellationToken);
                    continue;
                }

                await connection.ExecuteAsync(transaction, JobSql.TakeOver, cancellationToken,
                    _rows.P("id", ColumnKind.Uuid, id), _rows.P("worker", ColumnKind.Text, workerId), _rows.P("now", ColumnKind.Timestamp, now));
                await connection.ExecuteAsync(transaction, JobSql.ResetTasks, cancellationToken, _rows.P("job", ColumnKind.Uuid, id));
                return await CommitClaimAsync(connection, transaction, id, true, previous, cancellationToken);
            }

            var untargeted = await connection.QueryAsync(transaction, _sql.NextUntargeted, _rows.ReadId, cancellationToken);
            if (untargeted.Count == 1)
            {
                await ExpandAsync(connection, transaction, untargeted[0], workerId, now, cancellationToken);
                continue;
            }

            var pending = await connection.QueryAsync(transaction, _sql.NextPending, _rows.ReadId, cancellationToken);
            if (pending.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                return null;
            }

            await connection.ExecuteAsync(transaction, JobSql.Start, cancellationToken,
                _rows.P("id", ColumnKind.Uuid, pending[0]), _rows.P("worker", ColumnKind.Text, workerId), _rows.P("now", ColumnKind.Timestamp, now));
            return await CommitClaimAsync(connection, transaction, pending[0], false, null, cancellationToken);
        }

        throw new InvalidOperationException("Claiming a job went round too often; is something enqueueing in a loop?");
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
        var job = await _rows.FindAsync(connection, transaction, id, cancellationToken)
            ?? throw new InvalidOperationException($"Job {id} vanished while being claimed.");
        await transaction.CommitAsync(cancellationToken);
        return new JobClaim(job, takenOver, previous);
    }

    // A job for "every enabled vCenter" from another producer becomes one job per vCenter, so the per-vCenter rule holds.
    private async Task ExpandAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string workerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = await connection.QueryAsync(transaction, JobSql.TaskDefinitions, _rows.ReadTaskDefinition,
            cancellationToken, _rows.P("job", ColumnKind.Uuid, id));
        var created = await connection.QueryAsync(transaction, JobSql.JobCreatedAt,
            r => (DateTimeOffset)_dialect.Read(r, 0, ColumnKind.Timestamp)!, cancellationToken, _rows.P("id", ColumnKind.Uuid, id));
        var targets = await connection.QueryAsync(transaction, JobSql.EnabledVCenters, _rows.ReadId,
            cancellationToken, _rows.P("true", ColumnKind.Boolean, true));
        foreach (var target in targets)
        {
            // Same created_at: the split jobs keep the original's place in the queue.
            await _rows.InsertAsync(connection, transaction, target, created[0], tasks, cancellationToken);
        }

        await connection.ExecuteAsync(transaction, JobSql.Start, cancellationToken,
            _rows.P("id", ColumnKind.Uuid, id), _rows.P("worker", ColumnKind.Text, workerId), _rows.P("now", ColumnKind.Timestamp, now));
        await _rows.EndAsync(connection, transaction, id, workerId, JobStatus.Completed, null, null, now, cancellationToken);
    }

    private (Guid Id, bool CancelRequested, string? WorkerId) ReadIdCancelWorker(DbDataReader r) =>
        ((Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!, (bool)_dialect.Read(r, 1, ColumnKind.Boolean)!, (string?)_dialect.Read(r, 2, ColumnKind.Text));
}
