using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Storage.Watchers;
using VcSync.Sync.FullSync;
using VcSync.Sync.Secrets;

namespace VcSync.Sync.Watch;

/// <summary>
/// <c>vcsync worker --watch</c>: watches every enabled vCenter, one watcher per vCenter across all workers. Every
/// <see cref="WatchOptions.HeartbeatInterval"/> it tries to claim the watcher row of each enabled vCenter it does not
/// watch; a row is free when new, stopped, failed or stale, so a worker that died is taken over. A watcher whose row was
/// taken, or whose vCenter was disabled or removed, stops.
/// </summary>
public sealed partial class WatchWorkerService : BackgroundService
{
    private readonly IInventoryStore _store;
    private readonly WatchOptions _options;
    private readonly VCenterPasswords _passwords;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IWatcherStore _watchers;
    private readonly Dictionary<Guid, (Task Run, CancellationTokenSource Stop)> _running = [];

    /// <summary>Creates the service.</summary>
    public WatchWorkerService(IInventoryStore store, WatchOptions options, VCenterPasswords passwords, ILoggerFactory loggerFactory)
    {
        _store = store;
        _options = options;
        _passwords = passwords;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<WatchWorkerService>();
        _watchers = store.Watchers();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ScanAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogScanFailed(OneLine.Of(exception));
                }

                await Task.Delay(_options.HeartbeatInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (_, stop) in _running.Values)
            {
                await stop.CancelAsync();
            }

            await Task.WhenAll(_running.Values.Select(r => r.Run));
        }
    }

    private async Task ScanAsync(CancellationToken stoppingToken)
    {
        foreach (var id in _running.Where(r => r.Value.Run.IsCompleted).Select(r => r.Key).ToList())
        {
            _running[id].Stop.Dispose();
            _running.Remove(id);
        }

        var vcenters = await _store.ListVCentersAsync(stoppingToken);
        var enabled = vcenters.Where(v => v.Enabled).ToDictionary(v => v.Id);
        foreach (var (id, (_, stop)) in _running)
        {
            if (!enabled.ContainsKey(id))
            {
                await stop.CancelAsync();
            }
        }

        foreach (var vcenter in enabled.Values)
        {
            if (_running.ContainsKey(vcenter.Id) || !await _watchers.TryClaimAsync(vcenter.Id, _options.WorkerId, _options.StaleAfter, stoppingToken))
            {
                continue;
            }

            string password;
            try
            {
                password = await _passwords.ResolveAsync(vcenter, stoppingToken);
            }
            catch (InvalidOperationException exception)
            {
                await _watchers.HeartbeatAsync(vcenter.Id, _options.WorkerId, WatchStatus.Failed, exception.Message, stoppingToken);
                LogCannotWatch(vcenter.Name, exception.Message);
                continue;
            }

            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _running[vcenter.Id] = (WatchAsync(new WatchTarget { VCenter = vcenter, Password = password }, stop.Token), stop);
            LogWatching(vcenter.Name);
        }
    }

    private async Task WatchAsync(WatchTarget target, CancellationToken cancellationToken)
    {
        try
        {
            await new VCenterWatcher(_store, _options, _loggerFactory).RunAsync(target, failFast: false, cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogWatcherEnded(target.VCenter.Name, OneLine.Of(exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {VCenter}")]
    private partial void LogWatching(string vcenter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot watch {VCenter}: {Error}")]
    private partial void LogCannotWatch(string vcenter, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watcher of {VCenter} ended: {Error}")]
    private partial void LogWatcherEnded(string vcenter, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for vCenters to watch failed: {Error}")]
    private partial void LogScanFailed(string error);
}
