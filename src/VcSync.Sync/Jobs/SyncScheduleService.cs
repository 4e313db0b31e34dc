using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;

namespace VcSync.Sync.Jobs;

/// <summary>
/// <c>worker --schedule</c>: enqueues a sync of every enabled vCenter at start and on every interval after, skipping a
/// vCenter that already has a pending or running job (checked in the enqueue's transaction, so several scheduling
/// workers on one database do not double up).
/// </summary>
public sealed partial class SyncScheduleService : BackgroundService
{
    private readonly IJobStore _jobs;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;

    /// <summary>A schedule on <paramref name="jobs"/>' queue.</summary>
    public SyncScheduleService(IJobStore jobs, WorkerOptions options, ILogger<SyncScheduleService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _jobs = jobs;
        _interval = options.Schedule ?? throw new ArgumentException("No schedule interval.", nameof(options));
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_interval);
        try
        {
            do
            {
                try
                {
                    var jobs = await _jobs.EnqueueSyncAsync(null, SyncJobTasks.Definitions, skipIfActive: true, stoppingToken);
                    LogEnqueued(jobs.Count, _interval);
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogEnqueueFailed(OneLine.Of(exception));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule: enqueued {Count} sync jobs (next in {Interval})")]
    private partial void LogEnqueued(int count, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule: enqueueing failed: {Error}")]
    private partial void LogEnqueueFailed(string error);
}
