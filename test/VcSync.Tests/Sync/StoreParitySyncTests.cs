using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>The same vCenter synced into SQLite and into PostgreSQL gives the same contract columns.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class StoreParitySyncTests(SimulatorFixture fixture, PostgresServer postgres)
{
    private static readonly string[] InventoryTables =
    [
        "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_datastore_hosts", "vcenter_networks",
        "vcenter_alarms", "vcenter_vm_nics", "vcenter_vm_disks", "vcenter_vm_partitions", "vcenter_vm_snapshots", "vcenter_host_portgroups",
    ];

    /// <summary>Surrogate keys and sync times differ between two databases by nature.</summary>
    private static readonly string[] PerDatabaseColumns = ["id", "source_vcenter_id", "first_seen_at", "last_sync_at"];

    [Fact]
    public async Task Sqlite_and_postgres_hold_equal_contract_columns_after_syncing_the_same_simulator()
    {
        var simulator = fixture.Simulator;
        await using var sqlite = await SyncDatabase.CreateSqliteAsync();
        await using var pg = await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("syncparity"));
        var inSqlite = await sqlite.RegisterAsync(simulator);
        var inPostgres = await pg.RegisterAsync(simulator);

        var sqliteResult = await sqlite.SyncAsync(inSqlite, simulator);
        var postgresResult = await pg.SyncAsync(inPostgres, simulator);

        Assert.Equal(sqliteResult.Vms.New, postgresResult.Vms.New);
        foreach (var table in InventoryTables)
        {
            var left = await RowsAsync(sqlite, table, inSqlite.Id);
            var right = await RowsAsync(pg, table, inPostgres.Id);
            Assert.NotEmpty(left);
            Assert.Equal(left, right);
        }

        // Equal to each other, and both equal to the simulator.
        var expected = new ExpectedInventory(await SimulatorReads.ReadAsync(simulator));
        var vms = await pg.Store.ListRowsAsync("vcenter_vms", inPostgres.Id, TestContext.Current.CancellationToken);
        ContractAssert.RowsMatch("vcenter_vms", vms, r => (string)r["moref"]!, expected.Vms(), inPostgres.Id);
        var networks = await pg.Store.ListRowsAsync("vcenter_networks", inPostgres.Id, TestContext.Current.CancellationToken);
        ContractAssert.RowsMatch("vcenter_networks", networks, r => (string)r["moref"]!, expected.Networks(), inPostgres.Id);
        var alarms = await pg.Store.ListRowsAsync("vcenter_alarms", inPostgres.Id, TestContext.Current.CancellationToken);
        ContractAssert.RowsMatch("vcenter_alarms", alarms, r => (string)r["alarm_key"]!, expected.Alarms(), inPostgres.Id);
        var row = await pg.VCenterAsync(inPostgres.Id);
        Assert.Equal((simulator.InstanceUuid, simulator.ApiVersion, (VcSync.Storage.SyncStatus?)VcSync.Storage.SyncStatus.Completed), (row.InstanceUuid, row.ApiVersion, row.LastSyncStatus));
    }

    private static async Task<List<string>> RowsAsync(SyncDatabase db, string table, Guid vcenterId)
    {
        var rows = await db.Store.ListRowsAsync(table, vcenterId, TestContext.Current.CancellationToken);
        return rows
            .Select(r => string.Join(" | ", r.Where(c => !PerDatabaseColumns.Contains(c.Key)).Select(c => $"{c.Key}={ContractAssert.Text(c.Value)}")))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
