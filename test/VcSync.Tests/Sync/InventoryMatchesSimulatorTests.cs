using VcSync.Storage;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>A full sync stores, in every contract column, what the simulator holds (read independently of the sync).</summary>
[Collection(SimulatorCollection.Name)]
public sealed class InventoryMatchesSimulatorTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task Every_contract_column_equals_what_the_simulator_holds()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);

        var result = await db.SyncAsync(vcenter, simulator);
        var reads = await SimulatorReads.ReadAsync(simulator);
        var expected = new ExpectedInventory(reads);

        await AssertTableAsync(db, "vcenter_clusters", "moref", expected.Clusters(), vcenter.Id);
        await AssertTableAsync(db, "vcenter_hosts", "moref", expected.Hosts(), vcenter.Id);
        await AssertTableAsync(db, "vcenter_vms", "moref", expected.Vms(), vcenter.Id);
        await AssertTableAsync(db, "vcenter_datastores", "moref", expected.Datastores(), vcenter.Id);
        await AssertTableAsync(db, "vcenter_networks", "moref", expected.Networks(), vcenter.Id);
        await AssertTableAsync(db, "vcenter_alarms", "alarm_key", expected.Alarms(), vcenter.Id);
        var pairs = await db.Store.ListRowsAsync("vcenter_datastore_hosts", vcenter.Id, TestContext.Current.CancellationToken);
        ContractAssert.RowsMatch(
            "vcenter_datastore_hosts", pairs, r => $"{r["datastore_moref"]} {r["host_moref"]}", expected.DatastoreHosts(), vcenter.Id);
        await AssertChildTableAsync(db, "vcenter_vm_nics", r => $"{r["vm_moref"]} {r["device_key"]}", expected.VmNics(), vcenter.Id);
        await AssertChildTableAsync(db, "vcenter_vm_disks", r => $"{r["vm_moref"]} {r["device_key"]}", expected.VmDisks(), vcenter.Id);
        await AssertChildTableAsync(db, "vcenter_vm_partitions", r => $"{r["vm_moref"]} {r["disk_path"]}", expected.VmPartitions(), vcenter.Id);
        await AssertChildTableAsync(db, "vcenter_vm_snapshots", r => $"{r["vm_moref"]} {r["snapshot_moref"]}", expected.VmSnapshots(), vcenter.Id);
        await AssertChildTableAsync(db, "vcenter_host_portgroups", r => $"{r["host_moref"]} {r["portgroup_name"]}", expected.HostPortgroups(), vcenter.Id);

        Assert.Equal(reads.Of("ClusterComputeResource").Count, result.Clusters.New);
        Assert.Equal(reads.Of("HostSystem").Count, result.Hosts.New);
        Assert.Equal(reads.Of("VirtualMachine").Count, result.Vms.New);
        Assert.Equal(reads.Of("Datastore").Count, result.Datastores.New);
        Assert.Equal(reads.Of("Network").Count, result.Networks.New);
        Assert.Equal(expected.Alarms().Count, result.Alarms.New);
    }

    [Fact]
    public async Task The_vcenters_row_records_the_instance_api_version_and_completed_sync()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);

        await db.SyncAsync(vcenter, simulator);

        var reads = await SimulatorReads.ReadAsync(simulator);
        var row = await db.VCenterAsync(vcenter.Id);
        Assert.Equal(reads.About.InstanceUuid, row.InstanceUuid);
        Assert.Equal(simulator.InstanceUuid, row.InstanceUuid);
        Assert.Equal(reads.About.ApiVersion, row.ApiVersion);
        Assert.Equal(simulator.ApiVersion, row.ApiVersion);
        Assert.Equal(SyncStatus.Completed, row.LastSyncStatus);
        Assert.Null(row.LastSyncError);
        Assert.NotNull(row.LastSyncAt);
    }

    [Fact]
    public async Task Triggered_alarms_are_one_row_per_key_as_the_simulator_lists_them()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);

        await db.SyncAsync(vcenter, simulator);

        // The simulator's own list (before propagation up the tree) is a second, independent source.
        var alarms = await simulator.GetTriggeredAlarmsAsync(TestContext.Current.CancellationToken);
        var rows = await db.Store.ListRowsAsync("vcenter_alarms", vcenter.Id, TestContext.Current.CancellationToken);
        Assert.NotEmpty(alarms);
        Assert.Equal(
            alarms.Select(a => $"{a.Key} {a.Entity} {a.OverallStatus} {a.Acknowledged}").Order(StringComparer.Ordinal),
            rows.Select(r => $"{r["alarm_key"]} {r["entity_moref"]} {r["overall_status"]} {r["acknowledged"]}").Order(StringComparer.Ordinal));
    }

    private static async Task AssertChildTableAsync(
        SyncDatabase db,
        string table,
        Func<IReadOnlyDictionary<string, object?>, string> key,
        Dictionary<string, Dictionary<string, object?>> expected,
        Guid vcenterId)
    {
        Assert.NotEmpty(expected);
        var rows = await db.Store.ListRowsAsync(table, vcenterId, TestContext.Current.CancellationToken);
        ContractAssert.RowsMatch(table, rows, key, expected, vcenterId);
    }

    private static async Task AssertTableAsync(
        SyncDatabase db, string table, string keyColumn, Dictionary<string, Dictionary<string, object?>> expected, Guid vcenterId)
    {
        Assert.NotEmpty(expected);
        var rows = await db.Store.ListRowsAsync(table, vcenterId, TestContext.Current.CancellationToken);
        ContractAssert.RowsMatch(table, rows, r => (string)r[keyColumn]!, expected, vcenterId);
    }
}
