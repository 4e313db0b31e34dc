using Microsoft.Extensions.Logging;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;

namespace VcSync.Sync.Jobs;

/// <summary>
/// Turns a sync's progress into <c>job_tasks</c> rows without slowing the fetch: <see cref="Report"/> only records the
/// latest state of each task; a background loop writes what changed at most once per interval, and
/// <see cref="StopAsync"/> writes the last of it.
/// </summary>
internal sealed partial class JobProgressReporter : IProgress<SyncProgressUpdate>
{
    private readonly IJobStore _jobs;
    private readonly Guid _jobId;
    private readonly string _workerId;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<JobTaskName, JobTaskUpdate> _dirty = [];
    private readonly Dictionary<JobTaskName, int> _percent = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public JobProgressReporter(IJobStore jobs, Guid jobId, string workerId, TimeSpan interval, ILogger logger)
    {
        _jobs = jobs;
        _jobId = jobId;
        _workerId = workerId;
        _interval = interval;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Task rows written so far.</summary>
    public int Writes { get; private set; }

    public void Report(SyncProgressUpdate value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = SyncJobTasks.NameOf(value.Phase);
        lock (_gate)
        {
            // A failed or cancelled phase keeps the progress it had reached.
            var percent = value.State is SyncPhaseState.Failed or SyncPhaseState.Cancelled
                ? _percent.GetValueOrDefault(name)
                : Math.Clamp(value.Percent, 0, 100);
            _percent[name] = percent;
            _dirty[name] = new JobTaskUpdate(name, SyncJobTasks.StatusOf(value.State), percent, value.Message);
        }
    }

    /// <summary>Stops the loop and writes what is left.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop;
        await FlushAsync(cancellationToken);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<JobTaskUpdate> updates;
        lock (_gate)
        {
            updates = SyncJobTasks.Definitions.Select(d => _dirty.GetValueOrDefault(d.Name)).OfType<JobTaskUpdate>().ToList();
            _dirty.Clear();
        }

        foreach (var update in updates)
        {
            try
            {
                await _jobs.UpdateTaskAsync(_jobId, _workerId, update, cancellationToken);
                Writes++;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Progress is for people; a lost update must not fail the sync. The next one overwrites it.
                LogProgressWriteFailed(_jobId, update.Name.ToText(), OneLine.Of(exception));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write progress of job {JobId} task {Task}: {Error}")]
    private partial void LogProgressWriteFailed(Guid jobId, string task, string error);
}
