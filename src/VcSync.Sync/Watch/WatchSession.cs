using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VcSync.Inventory;
using VcSync.Inventory.Live;
using VcSync.Storage;
using VcSync.Storage.Watchers;
using VcSync.Sync.FullSync;
using VcSync.Vim;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Sync.Watch;

/// <summary>
/// One session of a watcher: log in, open a private collector on the inventory's ContainerView, reconcile (everything
/// from version <c>""</c>, written as a full sync), then apply each update set in one transaction until something
/// fails or the token is cancelled. Clean-up (CancelWaitForUpdates, DestroyPropertyCollector, Logout) is brief.
/// </summary>
internal sealed partial class WatchSession
{
    private static readonly TimeSpan CleanupBudget = TimeSpan.FromSeconds(1.5);

    private readonly IInventoryStore _store;
    private readonly IWatcherStore _watchers;
    private readonly WatchTarget _target;
    private readonly WatchOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HashSet<ManagedObjectReference> _namedAlarms = [];
    private IReadOnlyList<PropertySpec> _propertySpecs = [];

    public WatchSession(
        IInventoryStore store, IWatcherStore watchers, WatchTarget target, WatchOptions options, ILoggerFactory loggerFactory, TimeProvider time)
    {
        _store = store;
        _watchers = watchers;
        _target = target;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<VCenterWatcher>();
        _time = time;
    }

    /// <summary>Called once the reconcile is written: the session is healthy.</summary>
    public Action? Reconciled { get; init; }

    /// <summary>Runs until cancelled (returns) or a failure (throws).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var vcenter = _target.VCenter;
        var client = await VimClient.ConnectAsync(
            new VimClientOptions
            {
                Url = new Uri(vcenter.Url, UriKind.RelativeOrAbsolute),
                Thumbprint = vcenter.TlsThumbprint,
                Insecure = vcenter.TlsInsecure,
                CallTimeout = _options.CallTimeout,
                LoggerFactory = _loggerFactory,
            },
            cancellationToken);
        UpdateCollector? collector = null;
        try
        {
            await client.LoginAsync(vcenter.Username, _target.Password, cancellationToken);
            var content = client.ServiceContent;
            var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, cancellationToken);
            // The full sync's filter (the custom attribute names included), but the triggered alarms, which send no updates: they are polled.
            var filter = InventoryPropertySpecs.InventoryFilter(
                view, content.About.ApiVersion, rootFolder: null, content.Content["customFieldsManager"] as ManagedObjectReference);
            _propertySpecs = filter.PropSet;
            collector = await client.CreateUpdateCollectorAsync(filter, cancellationToken);
            var live = await ReconcileAsync(client, collector, cancellationToken);
            await WatchAsync(client, collector, live, cancellationToken);
        }
        finally
        {
            await CleanUpAsync(client, collector, cancellationToken.IsCancellationRequested);
        }
    }

    private async Task<LiveInventory> ReconcileAsync(VimClient client, UpdateCollector collector, CancellationToken cancellationToken)
    {
        await _watchers.HeartbeatAsync(_target.VCenter.Id, _options.WorkerId, WatchStatus.Syncing, null, cancellationToken);
        var watch = Stopwatch.StartNew();
        var live = new LiveInventory();
        var sets = 0;
        for (var set = await WaitOnceAsync(collector, cancellationToken); set is not null; set = set.Truncated ? await WaitOnceAsync(collector, cancellationToken) : null)
        {
            sets++;
            foreach (var update in set.Objects)
            {
                live.Apply(update);
            }
        }

        await RefetchAsync(client, live, cancellationToken);
        await PollAlarmsAsync(client, live, cancellationToken);
        var snapshot = live.Checkpoint();
        var about = client.ServiceContent.About;
        var written = await _store.WriteSyncAsync(
            new SyncWrite
            {
                VCenterId = _target.VCenter.Id,
                Snapshot = snapshot,
                SyncedAt = _time.GetUtcNow(),
                InstanceUuid = about.InstanceUuid,
                ApiVersion = about.ApiVersion,
                Activities = [],
            },
            cancellationToken);
        LogReconciled(_target.VCenter.Name, snapshot.TotalObjects, sets, written.RowsWritten, watch.Elapsed.TotalSeconds, collector.Version);
        await _watchers.HeartbeatAsync(_target.VCenter.Id, _options.WorkerId, WatchStatus.Watching, null, cancellationToken);
        Reconciled?.Invoke();
        return live;
    }

    private async Task WatchAsync(VimClient client, UpdateCollector collector, LiveInventory live, CancellationToken cancellationToken)
    {
        var nextAlarms = _time.GetUtcNow() + _options.AlarmInterval;
        while (true)
        {
            var wait = nextAlarms - _time.GetUtcNow();
            wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _options.MaxWait ? _options.MaxWait : wait;
            var set = await collector.WaitAsync(
                new WaitOptions
                {
                    MaxWaitSeconds = (int)Math.Ceiling(wait.TotalSeconds),
                    MaxObjectUpdates = _options.MaxObjectUpdates,
                    ValueFilters = InventoryPropertySpecs.ValueFilters,
                }, cancellationToken);
            while (set is not null)
            {
                // Each set is applied in its own transaction; a truncated one is followed at once.
                await ApplyAsync(client, live, set, Stopwatch.GetTimestamp(), cancellationToken);
                set = set.Truncated ? await WaitOnceAsync(collector, cancellationToken) : null;
            }

            if (_time.GetUtcNow() >= nextAlarms)
            {
                await PollAlarmsAsync(client, live, cancellationToken);
                await WriteDeltaAsync(live, null, isUpdateSet: false, Stopwatch.GetTimestamp(), cancellationToken);
                nextAlarms = _time.GetUtcNow() + _options.AlarmInterval;
            }
        }
    }

    private async Task ApplyAsync(VimClient client, LiveInventory live, UpdateSet set, long received, CancellationToken cancellationToken)
    {
        foreach (var update in set.Objects)
        {
            live.Apply(update);
        }

        await RefetchAsync(client, live, cancellationToken);
        await WriteDeltaAsync(live, set.Version, isUpdateSet: true, received, cancellationToken);
    }

    private async Task WriteDeltaAsync(LiveInventory live, string? version, bool isUpdateSet, long received, CancellationToken cancellationToken)
    {
        var resolving = Stopwatch.GetTimestamp();
        var delta = live.TakeDelta();
        if (delta.IsEmpty)
        {
            return;
        }

        var writing = Stopwatch.GetTimestamp();

        var result = await _store.ApplyChangesAsync(
            new LiveWrite
            {
                VCenterId = _target.VCenter.Id,
                Delta = delta,
                At = _time.GetUtcNow(),
                WorkerId = _options.WorkerId,
                Version = version,
                ReceivedTimestamp = received,
                IsUpdateSet = isUpdateSet,
            },
            cancellationToken);
        LogApplied(
            _target.VCenter.Name, version ?? "alarms", result.Inserted, result.Updated, result.Deleted, result.HistoryRows,
            Stopwatch.GetElapsedTime(received).TotalMilliseconds, Stopwatch.GetElapsedTime(resolving, writing).TotalMilliseconds,
            Stopwatch.GetElapsedTime(writing).TotalMilliseconds);
    }

    private Task<UpdateSet?> WaitOnceAsync(UpdateCollector collector, CancellationToken cancellationToken) =>
        collector.WaitAsync(
            new WaitOptions { MaxWaitSeconds = 0, MaxObjectUpdates = _options.MaxObjectUpdates, ValueFilters = InventoryPropertySpecs.ValueFilters },
            cancellationToken);

    /// <summary>Objects whose change named a nested path are read whole again.</summary>
    private async Task RefetchAsync(VimClient client, LiveInventory live, CancellationToken cancellationToken)
    {
        if (live.NeedsRefetch.Count == 0)
        {
            return;
        }

        var objects = live.NeedsRefetch.ToList();
        var found = new HashSet<ManagedObjectReference>();
        try
        {
            var spec = new PropertyFilterSpec(_propertySpecs, [.. objects.Select(o => new ObjectSpec(o, false, []))]);
            await foreach (var content in client.RetrievePropertiesAsync(spec, new RetrieveOptions { ValueFilters = InventoryPropertySpecs.ValueFilters }, cancellationToken))
            {
                live.Replace(content);
                found.Add(content.Obj);
            }
        }
        catch (ManagedObjectNotFoundException)
        {
            // One of them went meanwhile (its leave follows); the others are read again with the next set.
        }

        foreach (var obj in objects.Where(o => !found.Contains(o)))
        {
            live.Forget(obj);
        }
    }

    /// <summary>Reads the triggered alarms (one small call), and the names of definitions not seen before.</summary>
    private async Task PollAlarmsAsync(VimClient client, LiveInventory live, CancellationToken cancellationToken)
    {
        var root = client.ServiceContent.RootFolder;
        await foreach (var content in client.RetrievePropertiesAsync(InventoryPropertySpecs.TriggeredAlarmFilter(root), null, cancellationToken))
        {
            live.SetTriggeredAlarms(content);
        }

        var unnamed = live.AlarmDefinitions.Where(a => !_namedAlarms.Contains(a)).ToList();
        if (InventoryPropertySpecs.AlarmNameFilter(unnamed) is { } filter)
        {
            var names = new List<ObjectContent>();
            await foreach (var content in client.RetrievePropertiesAsync(filter, null, cancellationToken))
            {
                names.Add(content);
            }

            live.AddAlarmNames(names);
            _namedAlarms.UnionWith(unnamed);
        }
    }

    private async Task CleanUpAsync(VimClient client, UpdateCollector? collector, bool cancelled)
    {
        try
        {
            if (collector is not null)
            {
                if (cancelled)
                {
                    await collector.CancelWaitAsync();
                }

                await collector.DisposeAsync();
            }

            if (client.IsLoggedIn)
            {
                using var budget = new CancellationTokenSource(CleanupBudget);
                await client.LogoutAsync(budget.Token);
            }
        }
        catch (Exception exception) when (exception is VimException or OperationCanceledException)
        {
            LogCleanupFailed(_target.VCenter.Name, OneLine.Of(exception));
        }
        finally
        {
            await client.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watcher of {VCenter}: reconciled {Objects} objects from {Sets} update sets ({Rows} rows written) in {Seconds:F2}s, at version {Version}")]
    private partial void LogReconciled(string vcenter, int objects, int sets, int rows, double seconds, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watcher of {VCenter}: {Version}: {Inserted} inserted, {Updated} updated, {Deleted} deleted, {History} history rows in {Milliseconds:F0} ms (resolve {ResolveMilliseconds:F0} ms, write {WriteMilliseconds:F0} ms)")]
    private partial void LogApplied(string vcenter, string version, int inserted, int updated, int deleted, int history, double milliseconds, double resolveMilliseconds, double writeMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watcher of {VCenter}: clean-up failed: {Error}")]
    private partial void LogCleanupFailed(string vcenter, string error);
}
