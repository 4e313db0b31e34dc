using System.Text.Json.Nodes;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;
using VcSync.Vim.Values;

namespace VcSync.Tests.Sync;

/// <summary>
/// Child rows (NICs, disks, partitions, snapshots, host portgroups) follow the same change detection and deletes as
/// their parents: a sync writes exactly the child rows that changed in vCenter, in SQLite and in PostgreSQL.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class ChildRowChangeTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_removed_nic_and_a_removed_snapshot_delete_exactly_their_rows_and_nothing_else_is_rewritten(string store)
    {
        await using var simulator = await SimulatorFixture.StartDedicatedAsync();
        await using var db = store == "sqlite"
            ? await SyncDatabase.CreateSqliteAsync()
            : await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("childrows"));
        var vcenter = await db.RegisterAsync(simulator);
        await db.SyncAsync(vcenter, simulator);
        var before = new ExpectedInventory(await SimulatorReads.ReadAsync(simulator));
        var nics = before.VmNics();
        var snapshots = before.VmSnapshots();

        // The last NIC of a VM that has two or more, and a snapshot with children (they move up to its parent).
        var nicVm = nics.Values.GroupBy(n => (string)n["vm_moref"]!).First(g => g.Count() >= 2);
        var removedNic = nicVm.MaxBy(n => (int)n["device_key"]!)!;
        var removedSnapshot = snapshots.Values.First(s => snapshots.Values.Any(c => Equals(c["parent_snapshot_moref"], s["snapshot_moref"])));
        var snapshotMoref = (string)removedSnapshot["snapshot_moref"]!;
        var children = snapshots.Values.Where(c => Equals(c["parent_snapshot_moref"], snapshotMoref)).ToList();

        var writes = await RowWrites.InstallAsync(db);
        await simulator.ControlAsync(
            new JsonObject { ["op"] = "removeNic", ["vm"] = nicVm.Key, ["deviceKey"] = (int)removedNic["device_key"]! },
            TestContext.Current.CancellationToken);
        await using (var client = await VimSession.LoginAsync(simulator))
        {
            await VimSession.RunTaskAsync(
                client,
                "RemoveSnapshot_Task",
                new ManagedObjectReference("VirtualMachineSnapshot", snapshotMoref),
                new KeyValuePair<string, object?>("removeChildren", false));
        }

        await db.SyncAsync(vcenter, simulator);
        var written = await writes.TakeAsync();
        var after = new ExpectedInventory(await SimulatorReads.ReadAsync(simulator));

        // The rows gone from vCenter are gone from the database; the moved children name their new parent.
        var nicRows = await db.Store.ListRowsAsync("vcenter_vm_nics", vcenter.Id, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(nicRows, r => Same(r["vm_moref"], nicVm.Key) && Same(r["device_key"], removedNic["device_key"]));
        Assert.Equal(nicVm.Count() - 1, nicRows.Count(r => Same(r["vm_moref"], nicVm.Key)));
        var snapshotRows = await db.Store.ListRowsAsync("vcenter_vm_snapshots", vcenter.Id, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(snapshotRows, r => Same(r["snapshot_moref"], snapshotMoref));
        foreach (var child in children)
        {
            var row = snapshotRows.Single(r => Same(r["snapshot_moref"], child["snapshot_moref"]));
            Assert.True(Same(removedSnapshot["parent_snapshot_moref"], row["parent_snapshot_moref"]), "a moved snapshot names its old parent");
            Assert.Equal((int)child["depth"]! - 1, Convert.ToInt32(row["depth"], System.Globalization.CultureInfo.InvariantCulture));
        }

        // Every table holds what vCenter holds now, and exactly the rows that differ were written.
        AssertWrites(written, "vcenter_vm_nics", before.VmNics(), after.VmNics(), expectDeletes: 1);
        AssertWrites(written, "vcenter_vm_snapshots", before.VmSnapshots(), after.VmSnapshots(), expectDeletes: 1);
        AssertWrites(written, "vcenter_vm_disks", before.VmDisks(), after.VmDisks());
        AssertWrites(written, "vcenter_vm_partitions", before.VmPartitions(), after.VmPartitions());
        AssertWrites(written, "vcenter_host_portgroups", before.HostPortgroups(), after.HostPortgroups());
        AssertWrites(written, "vcenter_vms", before.Vms(), after.Vms());
        AssertWrites(written, "vcenter_networks", before.Networks(), after.Networks());
        AssertWrites(written, "vcenter_hosts", before.Hosts(), after.Hosts());
        AssertWrites(written, "vcenter_datastores", before.Datastores(), after.Datastores());
        Assert.DoesNotContain(written.Keys, k => k.StartsWith("vcenter_clusters ", StringComparison.Ordinal) || k.StartsWith("vcenter_alarms ", StringComparison.Ordinal));

        ContractAssert.RowsMatch("vcenter_vm_nics", nicRows, r => $"{r["vm_moref"]} {r["device_key"]}", after.VmNics(), vcenter.Id);
        ContractAssert.RowsMatch("vcenter_vm_snapshots", snapshotRows, r => $"{r["vm_moref"]} {r["snapshot_moref"]}", after.VmSnapshots(), vcenter.Id);
        ContractAssert.RowsMatch(
            "vcenter_vms",
            await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, TestContext.Current.CancellationToken),
            r => (string)r["moref"]!,
            after.Vms(),
            vcenter.Id);
    }

    /// <summary>The table's inserts, updates and deletes are exactly the keys new, changed and gone between the two reads.</summary>
    private static void AssertWrites(
        Dictionary<string, int> written,
        string table,
        Dictionary<string, Dictionary<string, object?>> before,
        Dictionary<string, Dictionary<string, object?>> after,
        int? expectDeletes = null)
    {
        var inserts = after.Keys.Count(k => !before.ContainsKey(k));
        var deletes = before.Keys.Count(k => !after.ContainsKey(k));
        var updates = after.Count(a => before.TryGetValue(a.Key, out var old) && !SameRow(old, a.Value));
        if (expectDeletes is { } d)
        {
            Assert.Equal(d, deletes);
        }

        Assert.Equal(
            (table, inserts, updates, deletes),
            (table, written.GetValueOrDefault(table + " INSERT"), written.GetValueOrDefault(table + " UPDATE"), written.GetValueOrDefault(table + " DELETE")));
    }

    private static bool Same(object? left, object? right) => ContractAssert.Text(left) == ContractAssert.Text(right);

    private static bool SameRow(Dictionary<string, object?> left, Dictionary<string, object?> right) =>
        left.Count == right.Count && left.All(c => right.TryGetValue(c.Key, out var v) && Same(c.Value, v));
}
