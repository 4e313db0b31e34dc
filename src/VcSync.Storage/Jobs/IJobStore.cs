namespace VcSync.Storage.Jobs;

/// <summary>
/// The job queue in the database (<c>jobs</c>, <c>job_tasks</c>), shared by every worker on it. Every change a worker
/// makes is conditional on it still holding the job (<c>worker_id</c> and <c>status = 'running'</c>), so a worker whose
/// job was taken over cannot overwrite its new owner's progress or outcome.
/// </summary>
/// <remarks>
/// PostgreSQL serves any number of workers: claims lock rows with <c>FOR UPDATE SKIP LOCKED</c> under a transaction
/// advisory lock. SQLite serves one worker process (claims are still safe there: <c>BEGIN IMMEDIATE</c> serialises
/// them). On both, a unique index on running jobs per vCenter makes two running syncs of one vCenter impossible.
/// </remarks>
public interface IJobStore
{
    /// <summary>
    /// Enqueues sync jobs: one for <paramref name="vcenterId"/>, or with null one per enabled vCenter (a job per vCenter,
    /// so each has its own phases and result and two workers can sync two vCenters at once).
    /// </summary>
    /// <param name="vcenterId">The vCenter, or null for every enabled one.</param>
    /// <param name="tasks">The tasks each job starts with.</param>
    /// <param name="skipIfActive">Enqueue nothing for a vCenter that already has a pending or running job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The jobs enqueued, possibly none.</returns>
    Task<IReadOnlyList<JobRow>> EnqueueSyncAsync(
        Guid? vcenterId, IReadOnlyList<JobTaskDefinition> tasks, bool skipIfActive, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the oldest job this worker may run: first a <c>running</c> job whose worker has not beaten for
    /// <paramref name="staleAfter"/> (taken over; its tasks restart), else the oldest <c>pending</c> job whose vCenter has
    /// no running job. A pending job with no target is first split into one job per enabled vCenter. A stale job with a
    /// cancel request is ended as <c>cancelled</c> rather than taken over.
    /// </summary>
    /// <returns>The claim, or null when there is nothing to run.</returns>
    Task<JobClaim?> ClaimAsync(string workerId, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Stamps <c>heartbeat_at</c> and reports whether the job is still this worker's and whether to cancel it.</summary>
    Task<HeartbeatResult> HeartbeatAsync(Guid jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>Updates one task of a job this worker holds.</summary>
    /// <returns>False when the worker no longer holds the job.</returns>
    Task<bool> UpdateTaskAsync(Guid jobId, string workerId, JobTaskUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a job this worker holds as <c>completed</c>, <c>failed</c> or <c>cancelled</c>; its tasks that have not
    /// ended take the same status.
    /// </summary>
    /// <returns>False when the worker no longer holds the job.</returns>
    Task<bool> FinishAsync(
        Guid jobId, string workerId, JobStatus status, string? resultJson, string? error, CancellationToken cancellationToken);

    /// <summary>Hands a job back: <c>pending</c> again, no worker, tasks reset, for another worker to claim.</summary>
    /// <returns>False when the worker no longer holds the job.</returns>
    Task<bool> ReleaseAsync(Guid jobId, string workerId, CancellationToken cancellationToken);

    /// <summary>Cancels a pending job at once, or asks the worker of a running one to stop it.</summary>
    Task<CancelOutcome> RequestCancelAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The newest jobs first, without their tasks.</summary>
    Task<IReadOnlyList<JobRow>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One job with its tasks, or null.</summary>
    Task<JobRow?> FindAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>The result JSON of the vCenter's most recent completed sync job, or null.</summary>
    Task<string?> LastResultAsync(Guid vcenterId, CancellationToken cancellationToken);
}
