using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;

namespace VcSync.Sync.Jobs;

/// <summary>
/// The worker loop: claim the next job (or take over a stale one), run it, repeat; sleep when the queue is empty.
/// One job at a time per worker; run more workers for more at once.
/// </summary>
public sealed partial class SyncWorkerService : BackgroundService
{
    private readonly IJobStore _jobs;
    private readonly JobRunner _runner;
    private readonly WorkerOptions _options;
    private readonly ILogger _logger;

    /// <summary>A worker on <paramref name="jobs"/>' queue.</summary>
    public SyncWorkerService(IJobStore jobs, JobRunner runner, WorkerOptions options, ILogger<SyncWorkerService> logger)
    {
        _jobs = jobs;
        _runner = runner;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(_options.WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            JobClaim? claim = null;
            try
            {
                claim = await _jobs.ClaimAsync(_options.WorkerId, _options.StaleAfter, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The database may be restarting; try again after a pause rather than dying.
                LogClaimFailed(OneLine.Of(exception));
            }

            if (claim is not null)
            {
                await _runner.RunAsync(claim, stoppingToken);
                continue;
            }

            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(_options.WorkerId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started")]
    private partial void LogStarted(string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} stopped")]
    private partial void LogStopped(string workerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming a job failed: {Error}")]
    private partial void LogClaimFailed(string error);
}
