using VcSync.Sync.Results;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>Re-syncing an unchanged vCenter confirms every row and rewrites none.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ResyncTests(SimulatorFixture fixture)
{
    [Fact]
    public async Task Second_sync_of_unchanged_inventory_reports_everything_unchanged_and_writes_nothing()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);
        var first = await db.SyncAsync(vcenter, simulator);
        var before = await SqliteDump.AllTablesAsync(db.Connection);
        var rowBefore = await db.VCenterAsync(vcenter.Id);

        var second = await db.SyncAsync(vcenter, simulator);

        AssertAllUnchanged(first.Clusters, second.Clusters);
        AssertAllUnchanged(first.Hosts, second.Hosts);
        AssertAllUnchanged(first.Vms, second.Vms);
        AssertAllUnchanged(first.Datastores, second.Datastores);
        AssertAllUnchanged(first.Networks, second.Networks);
        AssertAllUnchanged(first.Alarms, second.Alarms);
        Assert.Equal((0, first.Hosts.Ambiguous), (second.Hosts.AutoLinked, second.Hosts.Ambiguous)); // no Dell servers registered
        Assert.Equal(first.TotalObjects, second.TotalObjects);

        // Every inventory row is byte for byte what it was, ids, first_seen_at and last_sync_at included.
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        var rowAfter = await db.VCenterAsync(vcenter.Id);
        Assert.Equal(rowBefore with { LastSyncAt = null }, rowAfter with { LastSyncAt = null });
        Assert.True(rowAfter.LastSyncAt >= rowBefore.LastSyncAt);
    }

    private static void AssertAllUnchanged(ChangeCounts first, ChangeCounts second)
    {
        Assert.True(first.New > 0, "the first sync inserted nothing into this table");
        Assert.Equal((0, 0, 0, first.New), (second.New, second.Updated, second.Deleted, second.Unchanged));
    }
}
