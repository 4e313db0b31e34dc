using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Jobs;

/// <summary>
/// The job rows both halves of the queue use, on a connection and transaction they already hold: reading a job with
/// its tasks, inserting one, and ending one. Statuses and task names go through their text forms only here.
/// </summary>
internal sealed class JobRows
{
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _time;

    public JobRows(ISqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
    }

    public DateTimeOffset Now() => ContractValue.Truncate(_time.GetUtcNow());

    public DbParameter P(string name, ColumnKind kind, object? value) => _dialect.Parameter(name, kind, value);

    public DbParameter Status(string name, JobStatus status) => P(name, ColumnKind.Text, status.ToText());

    public Guid ReadId(DbDataReader r) => (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!;

    public async Task<JobRow?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        var jobs = await connection.QueryAsync(transaction, JobSql.JobById, ReadJob, cancellationToken, P("id", ColumnKind.Uuid, id));
        if (jobs.Count == 0)
        {
            return null;
        }

        var tasks = await connection.QueryAsync(transaction, JobSql.TasksOfJob, ReadTask, cancellationToken, P("job", ColumnKind.Uuid, id));
        return jobs[0] with { Tasks = tasks };
    }

    public async Task<JobRow> InsertAsync(
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
                P("id", ColumnKind.Uuid, row.Id), P("job", ColumnKind.Uuid, id), P("name", ColumnKind.Text, row.Name.ToText()),
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

    /// <summary>Ends a job <paramref name="workerId"/> holds, and its tasks that have not ended; false when it does not hold it.</summary>
    public async Task<bool> EndAsync(
        DbConnection connection, DbTransaction transaction, Guid id, string? workerId, JobStatus status, string? resultJson,
        string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = await connection.ExecuteAsync(transaction, JobSql.Finish, cancellationToken,
            P("id", ColumnKind.Uuid, id),
            P("worker", ColumnKind.Text, workerId),
            Status("status", status),
            P("result", ColumnKind.Json, resultJson),
            P("error", ColumnKind.Text, error),
            P("now", ColumnKind.Timestamp, now)) == 1;
        if (ended)
        {
            await EndTasksAsync(connection, transaction, id, status, now, cancellationToken);
        }

        return ended;
    }

    public Task<int> EndTasksAsync(
        DbConnection connection, DbTransaction transaction, Guid id, JobStatus status, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(transaction, JobSql.EndTasks, cancellationToken,
            P("job", ColumnKind.Uuid, id), Status("status", status), P("now", ColumnKind.Timestamp, now));

    public JobRow ReadJob(DbDataReader r) => new()
    {
        Id = (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!,
        JobType = (string)_dialect.Read(r, 1, ColumnKind.Text)!,
        Status = JobStatusText.Parse((string)_dialect.Read(r, 2, ColumnKind.Text)!),
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

    public JobTaskDefinition ReadTaskDefinition(DbDataReader r) =>
        new(JobTaskNameText.Parse((string)_dialect.Read(r, 0, ColumnKind.Text)!), (string?)_dialect.Read(r, 1, ColumnKind.Text) ?? "");

    private JobTaskRow ReadTask(DbDataReader r) => new()
    {
        Id = (Guid)_dialect.Read(r, 0, ColumnKind.Uuid)!,
        Name = JobTaskNameText.Parse((string)_dialect.Read(r, 1, ColumnKind.Text)!),
        Label = (string?)_dialect.Read(r, 2, ColumnKind.Text),
        Status = JobStatusText.Parse((string)_dialect.Read(r, 3, ColumnKind.Text)!),
        Progress = (int)_dialect.Read(r, 4, ColumnKind.Integer)!,
        Message = (string?)_dialect.Read(r, 5, ColumnKind.Text),
        StartedAt = (DateTimeOffset?)_dialect.Read(r, 6, ColumnKind.Timestamp),
        CompletedAt = (DateTimeOffset?)_dialect.Read(r, 7, ColumnKind.Timestamp),
    };
}
