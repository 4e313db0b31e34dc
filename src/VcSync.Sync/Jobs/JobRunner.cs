using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;
using VcSync.Sync.Results;
using VcSync.Sync.Progress;
using VcSync.Sync.Secrets;

namespace VcSync.Sync.Jobs;

/// <summary>
/// Runs one claimed sync job to its end: heartbeats while it runs, turns a cancel request into cancelling the sync,
/// writes throttled progress into its tasks, and records the outcome. On shutdown the job gets
/// <see cref="WorkerOptions.ShutdownGrace"/> to finish, then is cancelled and handed back to the queue.
/// </summary>
public sealed partial class JobRunner
{
    private static readonly string[] InventoryTables =
        ["vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_networks"];

    private readonly IInventoryStore _store;
    private readonly IJobStore _jobs;
    private readonly VCenterPasswords _passwords;
    private readonly WorkerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>A runner for jobs of <paramref name="store"/>'s queue.</summary>
    public JobRunner(IInventoryStore store, IJobStore jobs, VCenterPasswords passwords, WorkerOptions options, ILoggerFactory loggerFactory)
    {
        _store = store;
        _jobs = jobs;
        _passwords = passwords;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<JobRunner>();
    }

    /// <summary>Runs the job. Never throws for the job's own failure: that is recorded on the job.</summary>
    /// <param name="claim">The job, claimed by this worker.</param>
    /// <param name="stoppingToken">The worker is shutting down: finish within the grace period or hand the job back.</param>
    /// <returns>The status the job ended with, or <c>pending</c> when handed back, or null when another worker took it.</returns>
    public async Task<JobStatus?> RunAsync(JobClaim claim, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var job = claim.Job;
        var state = new RunState();
        LogStarting(job.Id, job.TargetVCenterName ?? "?", _options.WorkerId, claim.TakenOver ? $" (taken over from {claim.PreviousWorkerId})" : "");
        using var jobCancel = new CancellationTokenSource();
        using var beats = new CancellationTokenSource();
        var heartbeat = Task.Run(() => HeartbeatLoopAsync(job.Id, jobCancel, state, beats.Token), CancellationToken.None);
        await using var shutdown = stoppingToken.Register(() =>
        {
            state.ShuttingDown = true;
            jobCancel.CancelAfter(_options.ShutdownGrace);
        });
        var progress = new JobProgressReporter(_jobs, job.Id, _options.WorkerId, _options.ProgressInterval, _logger);
        JobStatus status;
        try
        {
            status = await RunSyncAsync(job, progress, state, jobCancel.Token);
        }
        finally
        {
            await beats.CancelAsync();
            await heartbeat;
            await progress.StopAsync(CancellationToken.None);
        }

        return await RecordAsync(job, status, state);
    }

    private async Task<JobStatus> RunSyncAsync(JobRow job, JobProgressReporter progress, RunState state, CancellationToken cancellationToken)
    {
        SyncTarget target;
        try
        {
            var vcenter = (job.TargetVCenterId is { } id ? await _store.FindVCenterAsync(id, cancellationToken) : null)
                ?? throw new InvalidOperationException($"vCenter {job.TargetVCenterId} is not registered any more");
            target = new SyncTarget
            {
                VCenter = vcenter,
                Password = await _passwords.ResolveAsync(vcenter, cancellationToken),
                JobId = job.Id,
                Fence = new JobFence(job.Id, _options.WorkerId),
                CallTimeout = _options.CallTimeout,
                Deadline = _options.Deadline,
                Retry = _options.Retry,
                MaxObjectsPerPage = _options.MaxObjectsPerPage ?? SyncTarget.DefaultMaxObjectsPerPage,
                ExpectedObjects = await ExpectedObjectsAsync(vcenter.Id, cancellationToken),
                Sessions = _options.Sessions,
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var message = cancelled ? "sync cancelled" : OneLine.Of(exception);
            progress.Report(new SyncProgressUpdate(SyncPhase.Connect, cancelled ? SyncPhaseState.Cancelled : SyncPhaseState.Failed, 0, message));
            state.Error = message;
            return cancelled ? JobStatus.Cancelled : JobStatus.Failed;
        }

        try
        {
            var sync = new FullInventorySync(_store, _loggerFactory) { UsePropertyCollector = _options.UsePropertyCollector };
            var result = await sync.RunAsync(target, progress, cancellationToken);
            state.ResultJson = JsonSerializer.Serialize(result, SyncJsonContext.Default.SyncResult);
            return JobStatus.Completed;
        }
        catch (SyncFailedException exception)
        {
            // The fence refused the write: another worker holds the job now, and its outcome is that worker's to record.
            if (exception.InnerException is JobLostException)
            {
                state.LostOwnership = true;
            }

            state.Error = exception.Message;
            return exception.Cancelled ? JobStatus.Cancelled : JobStatus.Failed;
        }
    }

    private async Task<JobStatus?> RecordAsync(JobRow job, JobStatus status, RunState state)
    {
        // The outcome is written even while shutting down: a job must not stay 'running' behind us.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            if (state.LostOwnership)
            {
                LogLostJob(job.Id);
                return null;
            }

            if (status == JobStatus.Cancelled && state.ShuttingDown && !state.CancelRequested)
            {
                LogHandingBack(job.Id);
                return await _jobs.ReleaseAsync(job.Id, _options.WorkerId, timeout.Token) ? JobStatus.Pending : null;
            }

            var error = status == JobStatus.Cancelled ? "cancelled" : state.Error;
            var ended = await _jobs.FinishAsync(job.Id, _options.WorkerId, status, state.ResultJson, status == JobStatus.Completed ? null : error, timeout.Token);
            LogFinished(job.Id, status.ToText(), error ?? "");
            return ended ? status : null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The heartbeat has stopped: another worker will take the job over once it is stale.
            LogRecordFailed(job.Id, OneLine.Of(exception));
            return null;
        }
    }

    private async Task HeartbeatLoopAsync(Guid jobId, CancellationTokenSource jobCancel, RunState state, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    var beat = await _jobs.HeartbeatAsync(jobId, _options.WorkerId, stop);
                    if (!beat.StillOwned)
                    {
                        state.LostOwnership = true;
                        await jobCancel.CancelAsync();
                        return;
                    }

                    if (beat.CancelRequested && !state.CancelRequested)
                    {
                        state.CancelRequested = true;
                        LogCancelRequested(jobId);
                        await jobCancel.CancelAsync();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogHeartbeatFailed(jobId, OneLine.Of(exception));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The job ended.
        }
    }

    // The estimate behind "Fetched 3,000 of ~10,000 objects": the last sync job's count, else the rows an earlier
    // sync (e.g. 'vcsync sync') left; null on a first sync, which then reports objects without a percentage.
    private async Task<int?> ExpectedObjectsAsync(Guid vcenterId, CancellationToken cancellationToken)
    {
        if (TotalObjects(await _jobs.LastResultAsync(vcenterId, cancellationToken)) is { } total)
        {
            return total;
        }

        var rows = 0;
        foreach (var table in InventoryTables)
        {
            rows += (await _store.ListRowsAsync(table, vcenterId, cancellationToken)).Count;
        }

        return rows > 0 ? rows : null;
    }

    private static int? TotalObjects(string? resultJson)
    {
        if (resultJson is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(resultJson)?["total_objects"]?.GetValue<int>() is > 0 and var total ? total : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: syncing {VCenter} as worker {WorkerId}{TakenOver}")]
    private partial void LogStarting(Guid jobId, string vcenter, string workerId, string takenOver);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: {Status} {Error}")]
    private partial void LogFinished(Guid jobId, string status, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: cancel requested")]
    private partial void LogCancelRequested(Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: shutting down, handing the job back to the queue")]
    private partial void LogHandingBack(Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: another worker holds it now; dropping it")]
    private partial void LogLostJob(Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: heartbeat failed: {Error}")]
    private partial void LogHeartbeatFailed(Guid jobId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId}: could not record the outcome: {Error}")]
    private partial void LogRecordFailed(Guid jobId, string error);

    private sealed class RunState
    {
        public volatile bool CancelRequested;
        public volatile bool LostOwnership;
        public volatile bool ShuttingDown;

        public string? ResultJson { get; set; }

        public string? Error { get; set; }
    }
}
