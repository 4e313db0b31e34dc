using System.Text.Json.Nodes;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;
using VcSync.Tests.Watch;

namespace VcSync.Tests.Incremental;

/// <summary>
/// An incremental sync after changes: when only VMs changed (and properties of other objects that no VM row is made
/// from), it reads the other objects and the changed VMs only; either way the database ends exactly as a full sync
/// into a new database would leave it.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class PartialSyncTests(PostgresServer postgres) : IncrementalTestBase
{
    [Fact]
    public async Task Changed_created_and_destroyed_vms_are_read_alone_and_the_database_ends_as_a_full_sync_leaves_it()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        await AssertPartialSyncMatchesFullSyncAsync(db);
    }

    [Fact]
    public async Task A_partial_sync_into_postgres_ends_as_a_full_sync_leaves_it()
    {
        await using var db = await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("partial"));
        await AssertPartialSyncMatchesFullSyncAsync(db);
    }

    [Fact]
    public async Task A_renamed_host_names_many_vms_so_the_sync_reads_everything()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        var vm = (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).First(v => v["host_moref"] is not null);
        await ControlAsync("rename", ("entity", (string)vm["host_moref"]!), ("entityType", "HostSystem"), ("name", "esx-renamed.corp.example"));
        Messages.Clear();

        var result = await SyncAsync(db, vcenter);

        Assert.DoesNotContain(Messages, m => m.Contains("changed VMs", StringComparison.Ordinal));
        Assert.True(result.Vms.Updated > 1, "the VMs on the renamed host were not rewritten");
        Assert.Equal(await WatchRig.FullSyncRowsAsync(Simulator), await WatchRig.RowsAsync(db.Store, vcenter.Id));
    }

    private async Task AssertPartialSyncMatchesFullSyncAsync(SyncDatabase db)
    {
        var vcenter = await db.RegisterAsync(Simulator);
        var first = await SyncAsync(db, vcenter);
        // VMs no triggered alarm is on: destroying one would clear its alarms, and an alarm change reads everything.
        var alarmed = (await db.Store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct)).Select(a => (string?)a["entity_moref"]).ToHashSet();
        var vms = (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).Where(v => !alarmed.Contains((string?)v["moref"])).ToList();
        var running = vms.First(v => (string?)v["power_state"] == "poweredOn" && v["ip_address"] is not null);
        var mover = vms.First(v => v["cluster_name"] is not null && (string)v["moref"]! != (string)running["moref"]!);
        var doomed = vms.Last(v => (string)v["moref"]! != (string)mover["moref"]! && (string)v["moref"]! != (string)running["moref"]!);
        var target = (await db.Store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct))
            .First(h => h["cluster_name"] is not null && (string)h["cluster_name"]! == (string)mover["cluster_name"]! && (string)h["moref"]! != (string)mover["host_moref"]!);
        var datastore = (await db.Store.ListRowsAsync("vcenter_datastores", vcenter.Id, Ct))[0];

        await ControlAsync("rename", ("entity", (string)running["moref"]!), ("entityType", "VirtualMachine"), ("name", "renamed <&> 'partial'"));
        await ControlAsync("powerVM", ("vm", (string)running["moref"]!), ("state", "poweredOff"));
        await ControlAsync("moveVM", ("vm", (string)mover["moref"]!), ("host", (string)target["moref"]!));
        await ControlAsync("addNic", ("vm", (string)mover["moref"]!), ("network", "VM Network"));
        await ControlAsync("createVM", ("name", "partial-created-vm"));
        await ControlAsync("destroyVM", ("vm", (string)doomed["moref"]!));
        // Other objects' properties that no VM row is made from: written by the partial sync's read of every other object.
        await ControlAsync("datastoreFreeSpace", ("datastore", (string)datastore["moref"]!), ("freeSpace", "12345678"));
        await ControlAsync("hostMaintenance", ("host", (string)target["moref"]!), ("enabled", "true"));
        Messages.Clear();

        var result = await SyncAsync(db, vcenter);

        Assert.Contains(Messages, m => m.Contains("Fetching 3 changed VMs", StringComparison.Ordinal));
        Assert.Equal((1, 1), (result.Vms.New, result.Vms.Deleted));
        Assert.Equal(2, result.Vms.Updated);
        Assert.Equal(first.Vms.New - 3, result.Vms.Unchanged);
        Assert.Equal(first.TotalObjects, result.TotalObjects);
        Assert.Equal(await WatchRig.FullSyncRowsAsync(Simulator), await WatchRig.RowsAsync(db.Store, vcenter.Id));

        // The cursor moved on: nothing is reported again.
        Messages.Clear();
        var after = await SyncAsync(db, vcenter);
        Assert.Equal(0, after.Vms.New + after.Vms.Updated + after.Vms.Deleted);
        Assert.Contains(Messages, m => m.StartsWith("Unchanged since the last sync", StringComparison.Ordinal));
    }

    private Task ControlAsync(string op, params (string Name, string Value)[] arguments)
    {
        var request = new JsonObject { ["op"] = op };
        foreach (var (name, value) in arguments)
        {
            request[name] = value switch
            {
                "true" => true,
                _ when long.TryParse(value, out var number) => number,
                _ => value,
            };
        }

        return Simulator.ControlAsync(request, Ct);
    }
}
