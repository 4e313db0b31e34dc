using VcSync.Sync.Results;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>Re-syncing an unchanged vCenter confirms every row and rewrites none, child rows included.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ResyncTests(SimulatorFixture fixture, PostgresServer postgres)
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
        var writes = await RowWrites.InstallAsync(db);

        var second = await db.SyncAsync(vcenter, simulator);

        AssertAllUnchanged(first, second);
        Assert.Equal((0, first.Hosts.Ambiguous), (second.Hosts.AutoLinked, second.Hosts.Ambiguous)); // no Dell servers registered
        Assert.Equal(first.TotalObjects, second.TotalObjects);

        // Every inventory row is byte for byte what it was, ids, first_seen_at and last_sync_at included, and no
        // statement touched one of them (not even to write it back as it was).
        Assert.Empty(await writes.TakeAsync());
        before["test_row_writes"] = [];
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        foreach (var table in RowWrites.InventoryTables)
        {
            Assert.True(before[table].Count > 0, $"the first sync wrote no {table} rows");
        }

        var rowAfter = await db.VCenterAsync(vcenter.Id);
        Assert.Equal(rowBefore with { LastSyncAt = null }, rowAfter with { LastSyncAt = null });
        Assert.True(rowAfter.LastSyncAt >= rowBefore.LastSyncAt);
    }

    [Fact]
    public async Task Second_sync_of_unchanged_inventory_into_postgres_writes_no_row_of_any_inventory_table()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("resync"));
        var vcenter = await db.RegisterAsync(simulator);
        var first = await db.SyncAsync(vcenter, simulator);
        var writes = await RowWrites.InstallAsync(db);
        var before = new Dictionary<string, int>();
        foreach (var table in RowWrites.InventoryTables)
        {
            before[table] = (await db.Store.ListRowsAsync(table, vcenter.Id, TestContext.Current.CancellationToken)).Count;
            Assert.True(before[table] > 0, $"the first sync wrote no {table} rows");
        }

        var second = await db.SyncAsync(vcenter, simulator);

        AssertAllUnchanged(first, second);
        Assert.Empty(await writes.TakeAsync());
    }

    private static void AssertAllUnchanged(SyncResult first, SyncResult second)
    {
        AssertAllUnchanged(first.Clusters, second.Clusters);
        AssertAllUnchanged(first.Hosts, second.Hosts);
        AssertAllUnchanged(first.Vms, second.Vms);
        AssertAllUnchanged(first.Datastores, second.Datastores);
        AssertAllUnchanged(first.Networks, second.Networks);
        AssertAllUnchanged(first.Alarms, second.Alarms);
    }

    private static void AssertAllUnchanged(ChangeCounts first, ChangeCounts second)
    {
        Assert.True(first.New > 0, "the first sync inserted nothing into this table");
        Assert.Equal((0, 0, 0, first.New), (second.New, second.Updated, second.Deleted, second.Unchanged));
    }
}
