using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.Watch;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Watch;

/// <summary>A simulator of its own, a real database (SQLite or PostgreSQL) and a watcher running on them in the background.</summary>
internal sealed class WatchRig : IAsyncDisposable
{
    /// <summary>Inventory tables compared with a full sync: every contract column but the per-database ones.</summary>
    public static readonly string[] InventoryTables =
    [
        "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_datastore_hosts", "vcenter_networks", "vcenter_alarms",
        "vcenter_vm_nics", "vcenter_vm_disks", "vcenter_vm_partitions", "vcenter_vm_snapshots", "vcenter_host_portgroups",
    ];

    private static readonly string[] PerDatabaseColumns = ["id", "source_vcenter_id", "first_seen_at", "last_sync_at", "server_id"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private CancellationTokenSource? _stop;
    private Task? _watcher;

    private WatchRig(SimulatorProcess simulator, SyncDatabase database, VCenterRow vcenter)
    {
        Simulator = simulator;
        Database = database;
        VCenter = vcenter;
    }

    public SimulatorProcess Simulator { get; }

    public SyncDatabase Database { get; }

    public IInventoryStore Store => Database.Store;

    public VCenterRow VCenter { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static WatchOptions Options(string worker = "test-worker") => new()
    {
        WorkerId = worker,
        AlarmInterval = TimeSpan.FromSeconds(1),
        MaxWait = TimeSpan.FromSeconds(5),
        HeartbeatInterval = TimeSpan.FromMilliseconds(500),
        StaleAfter = TimeSpan.FromSeconds(3),
        InitialBackoff = TimeSpan.FromMilliseconds(100),
        MaxBackoff = TimeSpan.FromSeconds(1),
    };

    public static async Task<WatchRig> StartAsync(string store, PostgresServer postgres, int vms = 40, long seed = 11)
    {
        var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Vms = vms, Seed = seed }, Ct);
        var database = store == "postgres"
            ? await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("watch"))
            : await SyncDatabase.CreateSqliteAsync();
        return new WatchRig(simulator, database, await database.RegisterAsync(simulator));
    }

    /// <summary>Starts the watcher and waits until its reconcile is written.</summary>
    public async Task StartWatcherAsync(WatchOptions? options = null, IInventoryStore? store = null, ILoggerFactory? loggerFactory = null)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watcher = new VCenterWatcher(store ?? Store, options ?? Options(), loggerFactory ?? NullLoggerFactory.Instance);
        _watcher = Task.Run(() => watcher.RunAsync(new WatchTarget { VCenter = VCenter, Password = Simulator.Password }, failFast: true, _stop.Token));
        await UntilAsync(async () => (await WatcherAsync())?.Status == WatchStatus.Watching, "the watcher never reached 'watching'");
    }

    /// <summary>Stops the watcher as SIGTERM would and waits for it.</summary>
    public async Task StopWatcherAsync()
    {
        if (_stop is null || _watcher is null)
        {
            return;
        }

        await _stop.CancelAsync();
        await _watcher;
        _stop.Dispose();
        _stop = null;
        _watcher = null;
    }

    public async Task<VcSync.Storage.Watchers.WatcherRow?> WatcherAsync() =>
        (await Store.Watchers().ListAsync(Ct)).SingleOrDefault(w => w.VCenterId == VCenter.Id);

    public Task<JsonObject> ControlAsync(JsonObject request) => Simulator.ControlAsync(request, Ct);

    /// <summary>The inventory tables' rows, as comparable lines.</summary>
    public static async Task<List<string>> RowsAsync(IInventoryStore store, Guid vcenterId)
    {
        var lines = new List<string>();
        foreach (var table in InventoryTables)
        {
            foreach (var row in await store.ListRowsAsync(table, vcenterId, Ct))
            {
                lines.Add(table + ": " + string.Join(" | ", row.Where(c => !PerDatabaseColumns.Contains(c.Key)).Select(c => $"{c.Key}={ContractAssert.Text(c.Value)}")));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>What a full sync of the simulator writes now, into a fresh SQLite database.</summary>
    public Task<List<string>> FullSyncRowsAsync() => FullSyncRowsAsync(Simulator);

    /// <summary>What a full sync of <paramref name="simulator"/> writes now, into a fresh SQLite database.</summary>
    public static async Task<List<string>> FullSyncRowsAsync(SimulatorProcess simulator)
    {
        await using var fresh = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await fresh.RegisterAsync(simulator);
        await fresh.SyncAsync(vcenter, simulator);
        return await RowsAsync(fresh.Store, vcenter.Id);
    }

    /// <summary>Waits until the watched database holds exactly what a full sync writes now; fails with the difference.</summary>
    public async Task UntilEqualToFullSyncAsync()
    {
        List<string> expected = [], actual = [];
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            expected = await FullSyncRowsAsync();
            actual = await RowsAsync(Store, VCenter.Id);
            if (expected.SequenceEqual(actual))
            {
                return;
            }

            await Task.Delay(200, Ct);
        }

        var missing = expected.Except(actual).Take(5);
        var extra = actual.Except(expected).Take(5);
        Assert.Fail($"the watched database differs from a full sync:\n  missing: {string.Join("\n    ", missing)}\n  extra: {string.Join("\n    ", extra)}");
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100, Ct);
        }
    }

    public async Task<IReadOnlyDictionary<string, object?>> RowAsync(string table, string moref) =>
        (await Store.ListRowsAsync(table, VCenter.Id, Ct)).Single(r => (string?)r["moref"] == moref);

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
            try
            {
                await _watcher!;
            }
            catch (Exception)
            {
                // The test already failed or is ending; the watcher's own outcome is asserted where it matters.
            }
        }

        await Database.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
