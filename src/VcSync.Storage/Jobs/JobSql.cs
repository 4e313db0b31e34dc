using S = VcSync.Storage.Jobs.JobStatusText;
using T = VcSync.Storage.Jobs.JobTaskNameText;

namespace VcSync.Storage.Jobs;

/// <summary>The job queue's SQL. Both stores run the same statements; PostgreSQL's claims also lock the rows they pick.</summary>
internal sealed class JobSql
{
    // The tasks in the order they run.
    private const string TaskOrder =
        $"ORDER BY CASE name WHEN '{T.Connect}' THEN 0 WHEN '{T.Inventory}' THEN 1 WHEN '{T.Alarms}' THEN 2 END";

    public const string JobColumns =
        "j.id, j.job_type, j.status, j.target_vcenter_id, v.name, j.created_at, j.started_at, j.completed_at, j.worker_id, " +
        "j.heartbeat_at, j.cancel_requested, j.result, j.error";

    public const string JobById = $"SELECT {JobColumns} FROM jobs j LEFT JOIN vcenters v ON v.id = j.target_vcenter_id WHERE j.id = @id";

    public const string ListJobs =
        $"SELECT {JobColumns} FROM jobs j LEFT JOIN vcenters v ON v.id = j.target_vcenter_id ORDER BY j.created_at DESC, j.id LIMIT @limit";

    public const string TasksOfJob =
        "SELECT id, name, label, status, progress, message, started_at, completed_at FROM job_tasks WHERE job_id = @job " +
        TaskOrder;

    public const string TaskDefinitions =
        "SELECT name, label FROM job_tasks WHERE job_id = @job " + TaskOrder;

    public const string JobCreatedAt = "SELECT created_at FROM jobs WHERE id = @id";

    public const string JobExists = "SELECT 1 FROM jobs WHERE id = @id";

    public const string EnabledVCenters = "SELECT id, name FROM vcenters WHERE enabled = @true ORDER BY name";

    public const string VCenterById = "SELECT id, name FROM vcenters WHERE id = @id";

    public const string ActiveJobForVCenter =
        $"SELECT 1 FROM jobs WHERE target_vcenter_id = @vcenter AND status IN ('{S.Pending}', '{S.Running}')";

    public const string InsertJob =
        "INSERT INTO jobs (id, job_type, status, target_vcenter_id, created_at, cancel_requested) " +
        $"VALUES (@id, @type, '{S.Pending}', @target, @created, @false)";

    public const string InsertTask =
        $"INSERT INTO job_tasks (id, job_id, name, label, status, progress) VALUES (@id, @job, @name, @label, '{S.Pending}', 0)";

    public const string Start =
        $"UPDATE jobs SET status = '{S.Running}', worker_id = @worker, started_at = @now, heartbeat_at = @now WHERE id = @id";

    public const string TakeOver = "UPDATE jobs SET worker_id = @worker, started_at = @now, heartbeat_at = @now WHERE id = @id";

    public const string ResetTasks =
        $"UPDATE job_tasks SET status = '{S.Pending}', progress = 0, message = NULL, started_at = NULL, completed_at = NULL " +
        "WHERE job_id = @job";

    public const string Heartbeat =
        $"UPDATE jobs SET heartbeat_at = @now WHERE id = @id AND worker_id = @worker AND status = '{S.Running}' RETURNING cancel_requested";

    public const string UpdateTask =
        "UPDATE job_tasks SET status = @status, progress = @progress, message = @message, " +
        "started_at = COALESCE(started_at, @now), completed_at = @completed " +
        "WHERE job_id = @job AND name = @name " +
        $"AND EXISTS (SELECT 1 FROM jobs WHERE id = @job AND worker_id = @worker AND status = '{S.Running}')";

    public const string Finish =
        "UPDATE jobs SET status = @status, completed_at = @now, heartbeat_at = @now, result = @result, error = @error " +
        $"WHERE id = @id AND worker_id = @worker AND status = '{S.Running}'";

    // Tasks still under way take the job's outcome; tasks that never started did not fail, they were skipped.
    public const string EndTasks =
        $"UPDATE job_tasks SET status = CASE WHEN status = '{S.Running}' OR @status = '{S.Completed}' THEN @status ELSE '{S.Cancelled}' END, " +
        $"progress = CASE WHEN @status = '{S.Completed}' THEN 100 ELSE progress END, completed_at = @now " +
        $"WHERE job_id = @job AND status IN ('{S.Pending}', '{S.Running}')";

    public const string Release =
        $"UPDATE jobs SET status = '{S.Pending}', worker_id = NULL, started_at = NULL, heartbeat_at = NULL " +
        $"WHERE id = @id AND worker_id = @worker AND status = '{S.Running}'";

    public const string CancelPending =
        $"UPDATE jobs SET status = '{S.Cancelled}', cancel_requested = TRUE, completed_at = @now WHERE id = @id AND status = '{S.Pending}'";

    public const string RequestCancel = $"UPDATE jobs SET cancel_requested = TRUE WHERE id = @id AND status = '{S.Running}'";

    public const string LastResult =
        $"SELECT result FROM jobs WHERE target_vcenter_id = @vcenter AND status = '{S.Completed}' AND result IS NOT NULL " +
        "ORDER BY completed_at DESC LIMIT 1";

    private readonly string _lock;

    public JobSql(ISqlDialect dialect)
    {
        _lock = dialect.SkipLockedClause("j");
    }

    public string NextStale =>
        "SELECT j.id, j.cancel_requested, j.worker_id FROM jobs j WHERE j.status = @running " +
        "AND (j.heartbeat_at IS NULL OR j.heartbeat_at < @stale) ORDER BY j.created_at, j.id LIMIT 1" + _lock;

    public string NextUntargeted =>
        $"SELECT j.id FROM jobs j WHERE j.status = '{S.Pending}' AND j.target_vcenter_id IS NULL ORDER BY j.created_at, j.id LIMIT 1" + _lock;

    // A vCenter with a running job is skipped: its next job waits until that one ends.
    public string NextPending =>
        $"SELECT j.id FROM jobs j WHERE j.status = '{S.Pending}' AND j.target_vcenter_id IS NOT NULL " +
        $"AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.target_vcenter_id = j.target_vcenter_id AND r.status = '{S.Running}') " +
        "ORDER BY j.created_at, j.id LIMIT 1" + _lock;
}
