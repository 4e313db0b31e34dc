namespace VcSync.Sync.Jobs;

/// <summary>How a worker runs: who it is, how often it looks, beats and reports, and when it gives up on others.</summary>
public sealed record WorkerOptions
{
    /// <summary>This worker's id in <c>jobs.worker_id</c>; unique per process.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How long to wait before looking again when the queue is empty.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the running job's <c>heartbeat_at</c> is stamped (and a cancel request noticed).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A running job whose heartbeat is older than this is taken over. Keep it several heartbeats long.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>On shutdown, how long the running job may go on before it is cancelled and handed back.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>At most one progress write per task per this interval (a 45,000-object fetch has hundreds of pages).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>When set, a sync of every enabled vCenter is enqueued on this interval (none for a vCenter already queued).</summary>
    public TimeSpan? Schedule { get; init; }

    /// <summary>The longest one SOAP call may take.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest one job's sync may take; see <see cref="FullSync.SyncTarget.Deadline"/>.</summary>
    public TimeSpan Deadline { get; init; } = FullSync.SyncTarget.DefaultDeadline;

    /// <summary>How a job's sync retries transient vCenter failures.</summary>
    public Reliability.SyncRetryOptions Retry { get; init; } = Reliability.SyncRetryOptions.Default;

    /// <summary>Objects per page to ask for; null asks for <see cref="FullSync.SyncTarget.DefaultMaxObjectsPerPage"/>.</summary>
    public int? MaxObjectsPerPage { get; init; }

    /// <summary>
    /// Set: jobs sync incrementally, keeping their sessions here (see <see cref="FullSync.SyncTarget.Sessions"/>). Best with
    /// one worker: a collector lives in the session of the worker that started it, so jobs that move between workers
    /// read everything more often, not less.
    /// </summary>
    public Incremental.ISessionCookieStore? Sessions { get; init; }

    /// <summary>The rollback switch; see <see cref="FullSync.FullInventorySync.UsePropertyCollector"/>.</summary>
    public bool UsePropertyCollector { get; init; } = SyncDefaults.UsePropertyCollectorSync;
}
