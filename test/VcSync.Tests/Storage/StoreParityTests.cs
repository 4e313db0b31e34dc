using Microsoft.Data.Sqlite;
using VcSync.Inventory.Records;
using VcSync.Storage;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Storage;

/// <summary>SQLite and PostgreSQL hold the same contract values for the same syncs.</summary>
public sealed class StoreParityTests(PostgresServer server) : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vcsync-parity-" + Guid.NewGuid().ToString("N")[..12]);

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
    public async Task Sqlite_and_postgres_hold_equal_contract_columns_for_the_same_syncs()
    {
        await using var sqlite = await InventoryStoreFactory.OpenAsync(Path.Combine(_directory, "inventory.db"), null, Ct);
        await using var postgres = await InventoryStoreFactory.OpenAsync(await server.CreateDatabaseAsync("parity"), null, Ct);
        var at1 = new DateTimeOffset(2026, 11, 26, 3, 42, 18, 938, TimeSpan.Zero).AddTicks(4321);
        var at2 = at1.AddHours(1);
        var snapshot = SnapshotBuilder.Build(vms: 300, hosts: 12, clusters: 3, datastores: 5, networks: 6, alarms: 4);
        var hostile = HostileStrings.All.Select(s => new VmRecord { Moref = "x" + s, Name = s, GuestOs = s, CpuCount = 0, IsTemplate = false }).ToList();
        // Sub-millisecond ticks: both stores keep milliseconds.
        var alarms = snapshot.Alarms!.Select(a => a with { TriggeredAt = a.TriggeredAt!.Value.AddTicks(1234) }).ToList();
        var first = snapshot.With(vms: [.. snapshot.Vms, .. hostile], alarms: alarms);
        var second = first.With(
            vms: first.Vms.Where((v, i) => i % 10 != 0).Select((v, i) => i % 7 == 0 ? v with { PowerState = "suspended", MemoryMb = null } : v).ToList(),
            hosts: first.Hosts.Skip(1).ToList(),
            datastoreHosts: first.DatastoreHosts.Skip(3).ToList());

        var results = new List<InventoryWriteResult>();
        foreach (var store in new[] { sqlite, postgres })
        {
            var vcenter = await store.AddVCenterAsync(new VCenterRegistration { Name = "vc 01 ✓", Url = "https://vc01/sdk", Username = "u" }, Ct);
            results.Add(await store.WriteSyncAsync(Write(vcenter.Id, first, at1), Ct));
            results.Add(await store.WriteSyncAsync(Write(vcenter.Id, second, at2), Ct));
            results.Add(await store.WriteSyncAsync(Write(vcenter.Id, second, at2.AddHours(1)), Ct));
        }

        Assert.Equal(results.Take(3), results.Skip(3));
        Assert.Equal(0, results[2].RowsWritten);
        Assert.Equal(await sqlite.CountRowsAsync(Ct), await postgres.CountRowsAsync(Ct));
        // Surrogate keys are random per store; every other contract column must match, in the same order.
        string[] keys = ["id", "source_vcenter_id"];
        Assert.Equal(await StoreDump.AllTablesAsync(sqlite, keys), await StoreDump.AllTablesAsync(postgres, keys));
    }

    private static SyncWrite Write(Guid vcenterId, InventorySnapshot snapshot, DateTimeOffset at) => new()
    {
        VCenterId = vcenterId,
        Snapshot = snapshot,
        SyncedAt = at,
        InstanceUuid = "0c5f1a2b-0000-4000-8000-000000000001",
        ApiVersion = "8.0.3.0",
        Activities =
        [
            new ActivityRecord { Operation = "login", Endpoint = "vc01 - SessionManager", Success = true, ResponseTimeMs = 12, CreatedAt = at },
            new ActivityRecord { Operation = "property_collector_fetch", Endpoint = "vc01 - PropertyCollector", Success = true, DetailsJson = """{"pages": 3}""", CreatedAt = at.AddMilliseconds(1) },
        ],
    };
}
