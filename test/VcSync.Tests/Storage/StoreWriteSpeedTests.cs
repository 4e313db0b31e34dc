using System.Diagnostics;
using Microsoft.Data.Sqlite;
using VcSync.Storage;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Storage;

/// <summary>
/// Writes a large inventory (45,000 VMs, 2,500 hosts) to both stores and reports how long it took. Nothing here
/// asserts a time (machines differ); it asserts the counts, and prints the timings to the test output.
/// </summary>
public sealed class StoreWriteSpeedTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vcsync-speed-" + Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public Task Sqlite_large_inventory() => MeasureAsync("SQLite", Path.Combine(_directory, "inventory.db"));

    [Fact]
    public async Task Postgres_large_inventory() => await MeasureAsync("PostgreSQL", await server.CreateDatabaseAsync("speed"));

    private async Task MeasureAsync(string label, string target)
    {
        var snapshot = SnapshotBuilder.Build(vms: 45_000, hosts: 2_500, clusters: 100, datastores: 400, networks: 300, alarms: 200);
        await using var store = await InventoryStoreFactory.OpenAsync(target, null, Ct);
        var vcenter = await store.AddVCenterAsync(new VCenterRegistration { Name = "vc", Url = "https://vc/sdk", Username = "u" }, Ct);
        var at = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

        var stopwatch = Stopwatch.StartNew();
        var first = await store.WriteSyncAsync(new SyncWrite { VCenterId = vcenter.Id, Snapshot = snapshot, SyncedAt = at }, Ct);
        var firstTime = stopwatch.Elapsed;

        stopwatch.Restart();
        var again = await store.WriteSyncAsync(new SyncWrite { VCenterId = vcenter.Id, Snapshot = snapshot, SyncedAt = at.AddMinutes(15) }, Ct);
        var againTime = stopwatch.Elapsed;

        // 1% of the VMs changed, 1% gone.
        var changed = snapshot.With(vms: snapshot.Vms.Select((v, i) => (v, i)).Where(x => x.i % 100 != 1).Select(x => x.i % 100 == 0 ? x.v with { PowerState = "poweredOff", CpuCount = 64 } : x.v).ToList());
        stopwatch.Restart();
        var delta = await store.WriteSyncAsync(new SyncWrite { VCenterId = vcenter.Id, Snapshot = changed, SyncedAt = at.AddMinutes(30) }, Ct);
        var deltaTime = stopwatch.Elapsed;

        // A second large vCenter in the same tables: its rows are not in the planner's statistics yet, which once
        // turned PostgreSQL's anti-join into minutes of nested loops.
        var other = await store.AddVCenterAsync(new VCenterRegistration { Name = "vc2", Url = "https://vc2/sdk", Username = "u" }, Ct);
        stopwatch.Restart();
        var second = await store.WriteSyncAsync(new SyncWrite { VCenterId = other.Id, Snapshot = snapshot, SyncedAt = at }, Ct);
        var secondTime = stopwatch.Elapsed;

        Assert.Equal(45_000, first.Vms.New);
        Assert.Equal(45_000, second.Vms.New);
        Assert.Equal(2_500, first.Hosts.New);
        Assert.Equal(0, again.RowsWritten);
        Assert.Equal(450, delta.Vms.Deleted);
        Assert.Equal(450, delta.Vms.Updated);
        var rows = snapshot.Clusters.Count + snapshot.Hosts.Count + snapshot.Vms.Count + snapshot.Datastores.Count +
                   snapshot.DatastoreHosts.Count + snapshot.Networks.Count + snapshot.Alarms!.Count;
        var message =
            $"{label}: {rows:N0} rows ({snapshot.DatastoreHosts.Count:N0} datastore mounts): first write {firstTime.TotalMilliseconds:N0} ms, " +
            $"unchanged rewrite {againTime.TotalMilliseconds:N0} ms, 1% changed + 1% gone {deltaTime.TotalMilliseconds:N0} ms, " +
            $"a second vCenter's first write {secondTime.TotalMilliseconds:N0} ms";
        output.WriteLine(message);
        TestContext.Current.SendDiagnosticMessage(message);
    }
}
