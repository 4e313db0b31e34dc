using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using VcSync.Inventory;
using VcSync.Inventory.Records;
using VcSync.Storage;
using VcSync.Sync.Incremental;
using VcSync.Sync.Progress;
using VcSync.Sync.Reliability;
using VcSync.Sync.Results;
using VcSync.Vim;
using VcSync.Vim.Faults;

namespace VcSync.Sync.FullSync;

/// <summary>
/// The fast sync: one login, one ContainerView, two paged PropertyCollector retrievals through it (every object but the
/// VMs with the triggered alarms, then the VMs, each page written as it arrives; see <see cref="StreamedSync"/>), one
/// retrieval of the alarms' names, all in one database transaction. A sync that fails or is cancelled writes no
/// inventory: the transaction rolls back and the store only records the outcome.
/// </summary>
public sealed partial class FullInventorySync
{
    private readonly IInventoryStore _store;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;

    /// <summary>Creates a sync that writes into <paramref name="store"/>.</summary>
    public FullInventorySync(IInventoryStore store, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        _store = store;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<FullInventorySync>();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The plan's rollback switch: true (the default, from <c>USE_PROPERTY_COLLECTOR_SYNC</c>) fetches the inventory in
    /// one paged retrieval; false runs the legacy phased sync, one retrieval per object type, writing the same rows.
    /// </summary>
    public bool UsePropertyCollector { get; init; } = SyncDefaults.UsePropertyCollectorSync;

    /// <summary>
    /// Syncs one vCenter. A transient failure (connection, timeout, HTTP 502/503/504, truncated response) starts the
    /// whole retrieval over on a fresh connection, with backoff, up to <see cref="SyncTarget.Retry"/>; an expired session
    /// logs in again once. Throws <see cref="SyncFailedException"/> with a one-line message when it fails.
    /// </summary>
    public async Task<SyncResult> RunAsync(SyncTarget target, IProgress<SyncProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var run = new SyncRun(target, progress, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(target.Deadline);
        try
        {
            var retry = SyncRetryPipeline.Create(target.Retry, (attempt, delay, error) => OnRetry(run, attempt, delay, error));
            for (var session = 1; ; session++)
            {
                try
                {
                    return await retry.ExecuteAsync(ct => new ValueTask<SyncResult>(AttemptAsync(run, ct)), deadline.Token);
                }
                catch (NotAuthenticatedException expired) when (session == 1)
                {
                    // The session expired (or vCenter restarted) between pages: log in once more and start over.
                    LogSessionExpired(target.VCenter.Name, OneLine.Of(expired));
                    run.Progress(SyncPhase.Connect, 0, "Session expired: logging in again");
                }
            }
        }
        catch (Exception exception) when (exception is not SyncFailedException)
        {
            var cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var timedOut = !cancelled && deadline.IsCancellationRequested;
            var message = cancelled ? "sync cancelled" : timedOut ? DeadlineMessage(target.Deadline) : OneLine.Of(exception);
            if (!cancelled && run.Attempts > 1)
            {
                message = string.Create(CultureInfo.InvariantCulture, $"{message} (after {run.Attempts} attempts)");
            }

            run.FailCurrentPhase(cancelled, message);
            await RecordFailureAsync(run, cancelled, message);
            LogSyncFailed(target.VCenter.Name, message);
            throw new SyncFailedException($"Sync of {target.VCenter.Name} failed: {message}", cancelled, exception);
        }
    }

    private static string DeadlineMessage(TimeSpan deadline) => string.Create(
        CultureInfo.InvariantCulture, $"the sync did not complete within its deadline of {deadline.TotalSeconds:0.###} s");

    /// <summary>One attempt: connect, log in, fetch and write (streamed, or the legacy way: fetch everything, then write), log out.</summary>
    private async Task<SyncResult> AttemptAsync(SyncRun run, CancellationToken cancellationToken)
    {
        run.Attempts++;
        VimClient? client = null;
        var sessions = UsePropertyCollector ? run.Target.Sessions : null;
        var keepSession = sessions is not null;
        run.KeepsSession = keepSession;
        try
        {
            client = await ConnectAsync(run, sessions, cancellationToken);
            if (sessions is not null)
            {
                return Finish(run, await new IncrementalSync(_store, _logger, _time).RunAsync(client, run, cancellationToken));
            }

            if (UsePropertyCollector)
            {
                return Finish(run, await new StreamedSync(_store, _logger, _time).RunAsync(client, run, null, cancellationToken));
            }

            InventorySnapshot fetched;
            try
            {
                fetched = await FetchAsync(client, run, cancellationToken);
            }
            catch (VimException failure)
            {
                run.FetchWatch.Stop();
                run.Activity(
                    "property_collector_fetch", $"{run.Target.VCenter.Name} - PropertyCollector", false, run.FetchWatch.ElapsedMilliseconds, null, OneLine.Of(failure));
                throw;
            }

            return await WriteAsync(run, fetched, cancellationToken);
        }
        catch (NotAuthenticatedException) when (keepSession)
        {
            // The kept session ended (expired, vCenter restarted): forget it, so that the next attempt logs in.
            sessions!.Forget(client?.SdkUri ?? new Uri(run.Target.VCenter.Url), run.Target.VCenter.Username);
            keepSession = false;
            run.KeepsSession = false;
            throw;
        }
        finally
        {
            if (client is not null)
            {
                if (keepSession && client.DetachSession() is { } cookie)
                {
                    KeptSession.Save(_logger, sessions!, client.SdkUri, run.Target.VCenter.Username, cookie);
                }
                else
                {
                    await LogoutQuietlyAsync(client);
                }

                await client.DisposeAsync();
            }
        }
    }

    private void OnRetry(SyncRun run, int attempt, TimeSpan delay, Exception error)
    {
        var message = OneLine.Of(error);
        LogRetrying(run.Target.VCenter.Name, attempt, run.Target.Retry.MaxRetries + 1, message, delay.TotalSeconds);
        run.Progress(SyncPhase.Connect, 0, string.Create(
            CultureInfo.InvariantCulture, $"Retrying in {delay.TotalSeconds:F1}s after: {message}"));
    }

    private async Task<VimClient> ConnectAsync(SyncRun run, ISessionCookieStore? sessions, CancellationToken cancellationToken)
    {
        var vcenter = run.Target.VCenter;
        run.Start(SyncPhase.Connect, "Connecting to vCenter");
        var options = new VimClientOptions
        {
            Url = new Uri(vcenter.Url, UriKind.RelativeOrAbsolute),
            Thumbprint = vcenter.TlsThumbprint,
            Insecure = vcenter.TlsInsecure,
            CallTimeout = run.Target.CallTimeout,
            CallCounter = run.SoapCalls,
            LoggerFactory = _loggerFactory,
        };
        var watch = Stopwatch.StartNew();
        VimClient? client = null;
        try
        {
            client = await VimClient.ConnectAsync(options, cancellationToken);
            if (sessions?.Load(client.SdkUri, vcenter.Username) is { } cookie
                && await KeptSession.ResumeAsync(_logger, client, sessions, vcenter, cookie, cancellationToken))
            {
                run.Activity("login", $"{vcenter.Name} - SessionManager", true, watch.ElapsedMilliseconds, "{\"resumed_session\":true}", null);
                run.About = client.ServiceContent.About;
                run.Complete(SyncPhase.Connect, $"Connected to {client.ServiceContent.About.FullName} (kept session)");
                return client;
            }

            await client.LoginAsync(vcenter.Username, run.Target.Password, cancellationToken);
        }
        catch (Exception exception)
        {
            run.Activity("login", $"{vcenter.Name} - SessionManager", false, watch.ElapsedMilliseconds, null, OneLine.Of(exception));
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            throw;
        }

        run.Activity("login", $"{vcenter.Name} - SessionManager", true, watch.ElapsedMilliseconds, null, null);
        run.About = client.ServiceContent.About;
        run.Complete(SyncPhase.Connect, $"Connected to {client.ServiceContent.About.FullName}");
        return client;
    }

    private async Task<InventorySnapshot> FetchAsync(VimClient client, SyncRun run, CancellationToken cancellationToken)
    {
        var vcenter = run.Target.VCenter;
        run.Start(SyncPhase.Inventory, "Fetching inventory (legacy phased sync)");
        run.FetchWatch.Restart();
        var before = client.Statistics;
        var builder = new InventoryBuilder(alarmsRequested: true);
        await LegacyPhasedFetch.RunAsync(client, run, builder, _logger, cancellationToken);

        var fetched = client.Statistics - before;
        run.Progress(SyncPhase.Inventory, 80, string.Create(CultureInfo.InvariantCulture, $"Fetched {builder.ObjectCount:N0} objects"));
        var alarmWatch = Stopwatch.StartNew();
        var definitions = await FetchAlarmNamesAsync(client, run, builder, cancellationToken);
        run.FetchWatch.Stop();

        var snapshot = builder.Build();
        ValueWarningReport.Report(run, snapshot.Warnings, _logger);
        run.Activity(
            "property_collector_fetch",
            $"{vcenter.Name} - PropertyCollector",
            true,
            run.FetchWatch.ElapsedMilliseconds - alarmWatch.ElapsedMilliseconds,
            SyncOutcome.FetchDetails(snapshot, snapshot.Vms.Count, snapshot.TotalObjects, fetched.Pages, fetched.BytesRead),
            null);
        if (definitions > 0)
        {
            run.Activity(
                "alarms_fetch", $"{vcenter.Name} - PropertyCollector", true, alarmWatch.ElapsedMilliseconds, SyncOutcome.AlarmDetails(snapshot.Alarms, definitions), null);
        }

        run.Progress(SyncPhase.Alarms, 50, $"{snapshot.Alarms?.Count ?? 0} triggered alarms");
        return snapshot;
    }

    /// <summary>Reads the names of the triggered alarms' definitions into <paramref name="builder"/>; the number of definitions.</summary>
    internal static async Task<int> FetchAlarmNamesAsync(
        VimClient client, SyncRun run, InventoryBuilder builder, CancellationToken cancellationToken)
    {
        run.Start(SyncPhase.Alarms, "Reading alarm definitions");
        var definitions = builder.AlarmDefinitions;
        if (InventoryPropertySpecs.AlarmNameFilter(definitions) is { } filter)
        {
            await foreach (var objectContent in client.RetrievePropertiesAsync(filter, null, cancellationToken))
            {
                builder.Add(objectContent);
            }
        }

        return definitions.Count;
    }

    private async Task<SyncResult> WriteAsync(SyncRun run, InventorySnapshot snapshot, CancellationToken cancellationToken)
    {
        var process = Stopwatch.StartNew();
        run.Progress(SyncPhase.Inventory, 90, "Writing the database");
        var write = new SyncWrite
        {
            VCenterId = run.Target.VCenter.Id,
            Snapshot = snapshot,
            SyncedAt = _time.GetUtcNow(),
            InstanceUuid = run.About?.InstanceUuid,
            ApiVersion = run.About?.ApiVersion,
            Activities = run.Activities,
            Fence = run.Target.Fence,
        };
        var written = await _store.WriteSyncAsync(write, cancellationToken);
        process.Stop();
        return Finish(run, new SyncWritten(snapshot.TotalObjects, snapshot.Warnings.Count, snapshot.Alarms, written, process.Elapsed));
    }

    /// <summary>Logs a written sync, completes its phases and gives its result.</summary>
    private SyncResult Finish(SyncRun run, SyncWritten sync)
    {
        var result = SyncOutcome.Result(run, sync.TotalObjects, sync.Warnings, sync.Written, (long)sync.Process.TotalMilliseconds);
        LogFetched(sync.TotalObjects, run.FetchWatch.Elapsed.TotalSeconds);
        LogWritten(sync.Written.RowsWritten, sync.Process.TotalSeconds);
        LogLinked(sync.Written.AutoLinked, sync.Written.Ambiguous);
        LogTotal(run.Target.VCenter.Name, run.Total.Elapsed.TotalSeconds);
        if (sync.Unchanged)
        {
            run.Complete(SyncPhase.Inventory, $"Unchanged since the last sync: {sync.TotalObjects.ToString("N0", CultureInfo.InvariantCulture)} objects");
            run.Complete(SyncPhase.Alarms, string.Create(CultureInfo.InvariantCulture, $"{sync.Written.Alarms.Unchanged:N0} triggered alarms, unchanged"));
            return result;
        }

        run.Complete(SyncPhase.Inventory, $"Synced {sync.TotalObjects.ToString("N0", CultureInfo.InvariantCulture)} objects");
        run.Complete(SyncPhase.Alarms, SyncOutcome.AlarmsMessage(sync.Alarms, sync.Written.Alarms));
        return result;
    }

    private async Task RecordFailureAsync(SyncRun run, bool cancelled, string message)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _store.RecordSyncFailureAsync(
                new SyncFailure
                {
                    VCenterId = run.Target.VCenter.Id,
                    Status = cancelled ? SyncStatus.Cancelled : SyncStatus.Failed,
                    Error = message,
                    At = _time.GetUtcNow(),
                    Activities = run.Activities,
                    Fence = run.Target.Fence,
                },
                timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogRecordFailureFailed(run.Target.VCenter.Name, OneLine.Of(exception));
        }
    }

    private Task LogoutQuietlyAsync(VimClient client) =>
        CleanUpQuietlyAsync(_logger, "Logout", client.LogoutAsync);

    // Clean-up runs after success, failure or cancellation alike: its own short deadline, never the caller's token,
    // and its failure never hides the sync's outcome.
    internal static async Task CleanUpQuietlyAsync(ILogger logger, string call, Func<CancellationToken, Task> cleanUp)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await cleanUp(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogCleanupFailed(logger, call, OneLine.Of(exception));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PropertyCollector: fetched {Objects} objects in {Seconds:F2}s")]
    private partial void LogFetched(int objects, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database writes completed {Seconds:F2}s after the fetch ({Rows} rows written)")]
    private partial void LogWritten(int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Auto-linking: {AutoLinked} new host-server links, {Ambiguous} hosts with a shared serial")]
    private partial void LogLinked(int autoLinked, int ambiguous);

    [LoggerMessage(Level = LogLevel.Information, Message = "Total fast sync of {VCenter}: {Seconds:F2}s")]
    private partial void LogTotal(string vcenter, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {VCenter} failed: {Error}")]
    private partial void LogSyncFailed(string vcenter, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {VCenter}: attempt {Attempt} of {Attempts} failed ({Error}); retrying in {Seconds:F1}s")]
    private partial void LogRetrying(string vcenter, int attempt, int attempts, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {VCenter}: the session expired ({Error}); logging in again")]
    private partial void LogSessionExpired(string vcenter, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the failed sync of {VCenter}: {Error}")]
    private partial void LogRecordFailureFailed(string vcenter, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Call} after the sync failed: {Error}")]
    private static partial void LogCleanupFailed(ILogger logger, string call, string error);
}
