using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Storage.Watchers;
using VcSync.Sync.FullSync;
using VcSync.Vim.Faults;

namespace VcSync.Sync.Watch;

/// <summary>
/// Keeps one vCenter's inventory live: holds its watcher row (heartbeat; it stops when another worker took the row
/// over), runs sessions (<see cref="WatchSession"/>: reconcile, then update sets), and after any failure (lost session,
/// <c>InvalidCollectorVersion</c>, vCenter restart, dropped connection, database unavailable) backs off, logs in again,
/// opens a new collector and reconciles. Cancelling the token stops it within a few seconds.
/// </summary>
public sealed partial class VCenterWatcher
{
    private readonly IInventoryStore _store;
    private readonly WatchOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IWatcherStore _watchers;

    /// <summary>Creates a watcher writing into <paramref name="store"/>.</summary>
    public VCenterWatcher(IInventoryStore store, WatchOptions options, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        _store = store;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<VCenterWatcher>();
        _time = time ?? TimeProvider.System;
        _watchers = store.Watchers(_time);
    }

    /// <summary>
    /// Watches until <paramref name="cancellationToken"/> is cancelled (returns normally) or another worker takes the vCenter over
    /// (<see cref="WatcherFencedException"/>).
    /// </summary>
    /// <param name="target">The vCenter.</param>
    /// <param name="failFast">Whether a wrong password or an untrusted certificate on the first attempt ends it (foreground use) rather than being retried.</param>
    /// <param name="cancellationToken">Stops the watcher.</param>
    /// <exception cref="InvalidOperationException">Another live worker watches the vCenter.</exception>
    public async Task RunAsync(WatchTarget target, bool failFast, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var vcenter = target.VCenter;
        if (!await _watchers.TryClaimAsync(vcenter.Id, _options.WorkerId, _options.StaleAfter, cancellationToken))
        {
            var holder = (await _watchers.ListAsync(cancellationToken)).FirstOrDefault(w => w.VCenterId == vcenter.Id);
            throw new InvalidOperationException(
                $"vCenter '{vcenter.Name}' is already watched by {holder?.WorkerId ?? "another worker"}; it is taken over when that one's heartbeat is older than {_options.StaleAfter.TotalSeconds:0}s");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lost = false;
        var heartbeat = HeartbeatAsync(vcenter, () => { lost = true; stop.Cancel(); }, stop.Token);
        var backoff = _options.InitialBackoff;
        var attempt = 0;
        var status = WatchStatus.Stopped;
        string? lastError = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                attempt++;
                var session = new WatchSession(_store, _watchers, target, _options, _loggerFactory, _time)
                {
                    Reconciled = () => backoff = _options.InitialBackoff,
                };
                try
                {
                    await session.RunAsync(stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (WatcherFencedException)
                {
                    lost = true;
                    break;
                }
                catch (Exception exception) when (failFast && attempt == 1 && exception is InvalidLoginException or VimCertificateException)
                {
                    status = WatchStatus.Failed;
                    lastError = OneLine.Of(exception);
                    throw;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    lastError = OneLine.Of(exception);
                    LogRecovering(vcenter.Name, lastError, backoff.TotalSeconds);
                    await TryHeartbeatAsync(vcenter.Id, WatchStatus.Recovering, lastError, stop.Token);
                    try
                    {
                        await Task.Delay(Jitter(backoff), _time, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                }
            }
        }
        finally
        {
            stop.Cancel();
            await heartbeat;
            if (!lost)
            {
                using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await TryHeartbeatAsync(vcenter.Id, status, lastError, budget.Token);
            }
        }

        if (lost)
        {
            LogTakenOver(vcenter.Name);
            throw new WatcherFencedException($"vCenter '{vcenter.Name}' was taken over by another worker");
        }
    }

    private async Task HeartbeatAsync(VCenterRow vcenter, Action onLost, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_options.HeartbeatInterval, _time, cancellationToken);
                try
                {
                    if (!await _watchers.HeartbeatAsync(vcenter.Id, _options.WorkerId, null, null, cancellationToken))
                    {
                        onLost();
                        return;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    // The database is down: the session notices on its next write and recovers.
                    LogHeartbeatFailed(vcenter.Name, OneLine.Of(exception));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task TryHeartbeatAsync(Guid vcenterId, string status, string? error, CancellationToken cancellationToken)
    {
        try
        {
            await _watchers.HeartbeatAsync(vcenterId, _options.WorkerId, status, error, cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogHeartbeatFailed(vcenterId.ToString(), OneLine.Of(exception));
        }
    }

    private static TimeSpan Jitter(TimeSpan delay) => delay * (0.8 + (Random.Shared.NextDouble() * 0.4));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watcher of {VCenter}: {Error}; reconnecting and reconciling in {Seconds:F1}s")]
    private partial void LogRecovering(string vcenter, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watcher of {VCenter}: another worker took it over; stopping")]
    private partial void LogTakenOver(string vcenter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watcher of {VCenter}: heartbeat failed: {Error}")]
    private partial void LogHeartbeatFailed(string vcenter, string error);
}
