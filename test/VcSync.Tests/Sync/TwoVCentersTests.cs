using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>Two vCenters in one database: a sync of one never touches the other's rows.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class TwoVCentersTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task Objects_vanishing_from_one_vcenter_delete_only_its_own_rows()
    {
        // Same seed, so both simulators hand out the same morefs: only source_vcenter_id tells their rows apart.
        var simulatorA = fixture.Simulator;
        await using var simulatorB = await SimulatorFixture.StartDedicatedAsync();
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenterA = await db.RegisterAsync(simulatorA, "vc-a");
        var vcenterB = await db.RegisterAsync(simulatorB, "vc-b");
        var syncA = await db.SyncAsync(vcenterA, simulatorA);
        var syncB = await db.SyncAsync(vcenterB, simulatorB);
        Assert.Equal(syncA.Vms.New, syncB.Vms.New);
        var rowsOfA = await AllRowsOfAsync(db, vcenterA.Id);

        var victim = (await SimulatorReads.ReadAsync(simulatorB)).Of("VirtualMachine")[0];
        await using (var client = await VimSession.LoginAsync(simulatorB))
        {
            if (((VcSync.Vim.Values.DataObject)victim["runtime"]!)["powerState"] as string == "poweredOn")
            {
                await VimSession.RunTaskAsync(client, "PowerOffVM_Task", victim.Obj);
            }

            await VimSession.RunTaskAsync(client, "Destroy_Task", victim.Obj);
        }

        var resyncB = await db.SyncAsync(vcenterB, simulatorB);

        Assert.Equal(1, resyncB.Vms.Deleted);
        Assert.Equal(rowsOfA, await AllRowsOfAsync(db, vcenterA.Id));
        var vmsOfB = await db.Store.ListRowsAsync("vcenter_vms", vcenterB.Id, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(vmsOfB, r => (string)r["moref"]! == victim.Obj.Value);
        var vmsOfA = await db.Store.ListRowsAsync("vcenter_vms", vcenterA.Id, TestContext.Current.CancellationToken);
        Assert.Contains(vmsOfA, r => (string)r["moref"]! == victim.Obj.Value);

        // And the other way round: re-syncing A confirms its rows and leaves B's alone.
        var rowsOfB = await AllRowsOfAsync(db, vcenterB.Id);
        var resyncA = await db.SyncAsync(vcenterA, simulatorA);
        Assert.Equal((0, 0, 0), (resyncA.Vms.New, resyncA.Vms.Updated, resyncA.Vms.Deleted));
        Assert.Equal(rowsOfB, await AllRowsOfAsync(db, vcenterB.Id));
    }

    private static async Task<List<string>> AllRowsOfAsync(SyncDatabase db, Guid vcenterId)
    {
        var all = new List<string>();
        foreach (var table in new[]
                 {
                     "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_datastore_hosts",
                     "vcenter_networks", "vcenter_alarms",
                 })
        {
            var rows = await db.Store.ListRowsAsync(table, vcenterId, TestContext.Current.CancellationToken);
            all.AddRange(rows.Select(r => table + ": " + string.Join(" | ", r.Select(c => $"{c.Key}={ContractAssert.Text(c.Value)}"))));
        }

        Assert.NotEmpty(all);
        return all;
    }
}
