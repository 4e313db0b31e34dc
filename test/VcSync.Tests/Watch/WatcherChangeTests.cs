using System.Text.Json.Nodes;
using VcSync.Storage;
using VcSync.Storage.Changes;
using VcSync.Storage.Servers;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Watch;

/// <summary>Every kind of change made on the simulator is applied by the watcher exactly as a full sync would write it.</summary>
public sealed class WatcherChangeTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_kind_of_change_is_applied_exactly_with_references_and_history(string store)
    {
        await using var rig = await WatchRig.StartAsync(store, postgres);
        await rig.Store.ImportServersAsync([new ServerImportRow { ServiceTag = "ZZW9999", Model = "PowerEdge R750" }], DateTimeOffset.UtcNow, Ct);
        await rig.StartWatcherAsync();
        await rig.UntilEqualToFullSyncAsync();

        var inventory = await rig.ControlAsync(new JsonObject { ["op"] = "inventory" });
        var hosts = inventory["hosts"]!.AsArray().Select(h => (Moref: (string)h!["moref"]!, Cluster: (string)h["cluster"]!)).ToList();
        var vms = await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct);
        var running = vms.First(v => (string?)v["power_state"] == "poweredOn" && v["ip_address"] is not null);
        var mover = vms.First(v => v["cluster_name"] is not null && (string)v["moref"]! != (string)running["moref"]!);
        var target = hosts.First(h => h.Cluster.Length > 0 && h.Cluster != (string)mover["cluster_name"]!);
        var renamedHost = (string)running["host_moref"]!;
        var serialHost = hosts.First(h => h.Moref != renamedHost).Moref;

        // VMs: rename, power off, move, NIC add and remove, create, destroy.
        await rig.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = (string)running["moref"]!, ["entityType"] = "VirtualMachine", ["name"] = "renamed <&> 'vm'" });
        await rig.ControlAsync(new JsonObject { ["op"] = "powerVM", ["vm"] = (string)running["moref"]!, ["state"] = "poweredOff" });
        await rig.ControlAsync(new JsonObject { ["op"] = "moveVM", ["vm"] = (string)mover["moref"]!, ["host"] = target.Moref });
        await rig.ControlAsync(new JsonObject { ["op"] = "addNic", ["vm"] = (string)mover["moref"]!, ["network"] = "VM Network" });
        var created = await rig.ControlAsync(new JsonObject { ["op"] = "createVM", ["name"] = "watch-created-vm" });
        var doomed = vms.Last(v => (string)v["moref"]! != (string)mover["moref"]! && (string)v["moref"]! != (string)running["moref"]!);
        await rig.ControlAsync(new JsonObject { ["op"] = "destroyVM", ["vm"] = (string)doomed["moref"]! });
        // Hosts: rename (its VMs follow), maintenance, a serial that links a Dell server.
        await rig.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = renamedHost, ["entityType"] = "HostSystem", ["name"] = "esx-renamed.corp.example" });
        await rig.ControlAsync(new JsonObject { ["op"] = "hostMaintenance", ["host"] = target.Moref, ["enabled"] = true });
        await rig.ControlAsync(new JsonObject
        {
            ["op"] = "setHostSerial", ["host"] = serialHost, ["serialNumber"] = "ZZW9999",
            ["otherIdentifyingInfo"] = new JsonArray(new JsonObject { ["key"] = "ServiceTag", ["value"] = "ZZW9999" }),
        });
        // Datastores, networks, alarms.
        var datastore = (await rig.Store.ListRowsAsync("vcenter_datastores", rig.VCenter.Id, Ct))[0];
        await rig.ControlAsync(new JsonObject { ["op"] = "datastoreFreeSpace", ["datastore"] = (string)datastore["moref"]!, ["freeSpace"] = 12345678 });
        await rig.ControlAsync(new JsonObject { ["op"] = "portgroupVlan", ["portgroup"] = "dvpg-prod-vlan100", ["vlanId"] = 777 });
        var alarmKey = await rig.Simulator.TriggerAlarmAsync((string)mover["moref"]!, "Virtual machine CPU usage", "red", Ct);
        var cleared = (await rig.Simulator.GetTriggeredAlarmsAsync(Ct)).First(a => a.Key != alarmKey).Key;
        await rig.Simulator.ClearAlarmAsync(cleared, Ct);

        await rig.UntilEqualToFullSyncAsync();
        await rig.ControlAsync(new JsonObject { ["op"] = "removeNic", ["vm"] = (string)mover["moref"]! });
        await rig.ControlAsync(new JsonObject { ["op"] = "powerVM", ["vm"] = (string)running["moref"]!, ["state"] = "poweredOn" });
        // A burst: many new VMs in few update sets, their rows and child rows written many per statement.
        for (var i = 0; i < 30; i++)
        {
            await rig.ControlAsync(new JsonObject { ["op"] = "createVM", ["name"] = $"burst-vm-{i}" });
        }

        await rig.ControlAsync(new JsonObject { ["op"] = "powerOnMany", ["count"] = 40 });
        await rig.UntilEqualToFullSyncAsync();

        var moved = await rig.RowAsync("vcenter_vms", (string)mover["moref"]!);
        Assert.Equal((target.Moref, target.Cluster), ((string)moved["host_moref"]!, (string)moved["cluster_name"]!));
        var onRenamedHost = (await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct)).Where(v => (string?)v["host_moref"] == renamedHost).ToList();
        Assert.NotEmpty(onRenamedHost);
        Assert.All(onRenamedHost, v => Assert.Equal("esx-renamed.corp.example", v["host_name"]));
        Assert.Equal(777, (await rig.Store.ListRowsAsync("vcenter_networks", rig.VCenter.Id, Ct)).Single(n => (string)n["name"]! == "dvpg-prod-vlan100")["vlan_id"]);
        var server = (await rig.Store.ListServersAsync(false, Ct)).Single();
        var linkedHost = await rig.RowAsync("vcenter_hosts", serialHost);
        Assert.Equal(linkedHost["id"], server["vcenter_host_id"]);

        var history = rig.Store.Changes();
        var renames = await history.ListAsync(new ChangeQuery { Moref = (string)running["moref"]! }, Ct);
        Assert.Contains(renames, r => (string?)r["column_name"] == "name" && (string?)r["old_value"] == (string)running["name"]!
            && (string?)r["new_value"] == "renamed <&> 'vm'" && (string?)r["source"] == ChangeSource.Watch && (string?)r["change_kind"] == ChangeKind.Updated);
        Assert.Contains(renames, r => (string?)r["column_name"] == "power_state" && (string?)r["new_value"] == "poweredOff");
        Assert.Contains(renames, r => (string?)r["column_name"] == "ip_address" && r["new_value"] is null);
        Assert.Single(await history.ListAsync(new ChangeQuery { Moref = (string)created["moref"]!, ObjectType = "vm" }, Ct), r => (string?)r["change_kind"] == ChangeKind.Created);
        Assert.Single(await history.ListAsync(new ChangeQuery { Moref = (string)doomed["moref"]! }, Ct), r => (string?)r["change_kind"] == ChangeKind.Deleted);
        Assert.Contains(await history.ListAsync(new ChangeQuery { Moref = alarmKey, ObjectType = "alarm" }, Ct), r => (string?)r["change_kind"] == ChangeKind.Created);
        Assert.Contains(await history.ListAsync(new ChangeQuery { Moref = cleared }, Ct), r => (string?)r["change_kind"] == ChangeKind.Deleted);
        // The first full sync (the reconcile) recorded one 'created' per object and nothing per column.
        var first = await history.ListAsync(new ChangeQuery { Moref = (string)mover["moref"]!, Limit = 100 }, Ct);
        Assert.Single(first, r => (string?)r["source"] == ChangeSource.Sync);
        Assert.Equal(ChangeKind.Created, first.Single(r => (string?)r["source"] == ChangeSource.Sync)["change_kind"]);

        var row = await rig.WatcherAsync();
        Assert.NotNull(row);
        Assert.Equal("watching", row.Status);
        Assert.True(row.UpdatesApplied > 0);
        Assert.NotNull(row.LastUpdateAt);
        Assert.NotNull(row.LagMs);
        await rig.StopWatcherAsync();
        Assert.Equal("stopped", (await rig.WatcherAsync())!.Status);
        var status = await rig.ControlAsync(new JsonObject { ["op"] = "watchStatus" });
        Assert.Equal(0, (int)status["collectors"]!);
    }
}
