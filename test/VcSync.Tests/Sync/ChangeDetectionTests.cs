using VcSync.Tests.Support;
using VcSync.Vim.Values;

namespace VcSync.Tests.Sync;

/// <summary>Changes made through the vSphere API show up as exactly those changes in the next sync.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ChangeDetectionTests
{
    [Fact]
    public async Task Power_off_rename_and_destroy_are_reported_as_exactly_those_changes_and_the_renamed_vm_keeps_its_id()
    {
        await using var simulator = await SimulatorFixture.StartDedicatedAsync();
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);
        var first = await db.SyncAsync(vcenter, simulator);
        var reads = await SimulatorReads.ReadAsync(simulator);

        // Three different ordinary VMs, none the subject of a triggered alarm (an alarm row shows its entity's name).
        var alarmed = reads.TriggeredAlarms.Select(s => ((ManagedObjectReference)s["entity"]!).Value).ToHashSet();
        var candidates = reads.Of("VirtualMachine")
            .Where(v => !alarmed.Contains(v.Obj.Value) && ((DataObject)v["config"]!)["template"] is false or "false")
            .ToList();
        var poweredOn = candidates.Where(IsPoweredOn).ToList();
        var toPowerOff = poweredOn[0];
        var toRename = poweredOn[1];
        var toDestroy = candidates.First(v => v != toPowerOff && v != toRename);
        var renamed = "renamed <" + (string)toRename["name"]! + "> & 'done'";
        var idBefore = await VmIdAsync(db, vcenter.Id, toRename.Obj.Value);

        // A destroyed VM is gone from the vm lists of its datastores and networks, so their vm_count changes.
        var destroyedDatastores = await ReferencesAsync(simulator, toDestroy.Obj, "datastore");
        var destroyedNetworks = await ReferencesAsync(simulator, toDestroy.Obj, "network");
        await using (var client = await VimSession.LoginAsync(simulator))
        {
            await VimSession.RunTaskAsync(client, "PowerOffVM_Task", toPowerOff.Obj);
            await VimSession.RunTaskAsync(client, "Rename_Task", toRename.Obj, new KeyValuePair<string, object?>("newName", renamed));
            if (IsPoweredOn(toDestroy))
            {
                await VimSession.RunTaskAsync(client, "PowerOffVM_Task", toDestroy.Obj);
            }

            await VimSession.RunTaskAsync(client, "Destroy_Task", toDestroy.Obj);
        }

        var second = await db.SyncAsync(vcenter, simulator);

        Assert.Equal((0, 2, 1, first.Vms.New - 3), (second.Vms.New, second.Vms.Updated, second.Vms.Deleted, second.Vms.Unchanged));
        Assert.NotEmpty(destroyedDatastores);
        Assert.Equal(
            (0, destroyedDatastores.Count, 0, first.Datastores.New - destroyedDatastores.Count),
            (second.Datastores.New, second.Datastores.Updated, second.Datastores.Deleted, second.Datastores.Unchanged));
        Assert.NotEmpty(destroyedNetworks);
        Assert.Equal(
            (0, destroyedNetworks.Count, 0, first.Networks.New - destroyedNetworks.Count),
            (second.Networks.New, second.Networks.Updated, second.Networks.Deleted, second.Networks.Unchanged));
        Assert.Equal((0, 0, 0, first.Clusters.New), (second.Clusters.New, second.Clusters.Updated, second.Clusters.Deleted, second.Clusters.Unchanged));
        Assert.Equal((0, 0, 0, first.Hosts.New), (second.Hosts.New, second.Hosts.Updated, second.Hosts.Deleted, second.Hosts.Unchanged));
        Assert.Equal((0, 0, 0, first.Alarms.New), (second.Alarms.New, second.Alarms.Updated, second.Alarms.Deleted, second.Alarms.Unchanged));

        Assert.Equal(idBefore, await VmIdAsync(db, vcenter.Id, toRename.Obj.Value));
        var vms = await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, TestContext.Current.CancellationToken);
        Assert.Equal(renamed, vms.Single(r => (string)r["moref"]! == toRename.Obj.Value)["name"]);
        Assert.Equal("poweredOff", vms.Single(r => (string)r["moref"]! == toPowerOff.Obj.Value)["power_state"]);
        Assert.DoesNotContain(vms, r => (string)r["moref"]! == toDestroy.Obj.Value);
        Assert.DoesNotContain(
            await db.Store.ListRowsAsync("vcenter_datastore_hosts", vcenter.Id, TestContext.Current.CancellationToken),
            r => r["datastore_moref"] is null);

        // And the database as a whole again holds what the simulator holds.
        var expected = new ExpectedInventory(await SimulatorReads.ReadAsync(simulator));
        ContractAssert.RowsMatch("vcenter_vms", vms, r => (string)r["moref"]!, expected.Vms(), vcenter.Id);
        ContractAssert.RowsMatch(
            "vcenter_datastores",
            await db.Store.ListRowsAsync("vcenter_datastores", vcenter.Id, TestContext.Current.CancellationToken),
            r => (string)r["moref"]!,
            expected.Datastores(),
            vcenter.Id);
        ContractAssert.RowsMatch(
            "vcenter_networks",
            await db.Store.ListRowsAsync("vcenter_networks", vcenter.Id, TestContext.Current.CancellationToken),
            r => (string)r["moref"]!,
            expected.Networks(),
            vcenter.Id);
    }

    private static bool IsPoweredOn(ObjectContent vm) => ((DataObject)vm["runtime"]!)["powerState"] as string == "poweredOn";

    private static async Task<Guid> VmIdAsync(SyncDatabase db, Guid vcenterId, string moref) =>
        (Guid)(await db.Store.ListRowsAsync("vcenter_vms", vcenterId, TestContext.Current.CancellationToken))
            .Single(r => (string)r["moref"]! == moref)["id"]!;

    private static async Task<List<string>> ReferencesAsync(VcSync.Simulator.SimulatorProcess simulator, ManagedObjectReference vm, string property)
    {
        await using var client = await VimSession.LoginAsync(simulator);
        var spec = new VcSync.Vim.PropertyCollector.PropertyFilterSpec(
            [new VcSync.Vim.PropertyCollector.PropertySpec("VirtualMachine", [property])],
            [new VcSync.Vim.PropertyCollector.ObjectSpec(vm, false, [])]);
        var contents = new List<ObjectContent>();
        await foreach (var content in client.RetrievePropertiesAsync(spec, null, TestContext.Current.CancellationToken))
        {
            contents.Add(content);
        }

        return SimulatorReads.AsList(contents.Single()[property]).Cast<ManagedObjectReference>().Select(m => m.Value).ToList();
    }
}
