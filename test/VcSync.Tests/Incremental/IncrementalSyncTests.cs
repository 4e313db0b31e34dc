using System.Text.Json.Nodes;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Results;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;
using VcSync.Tests.Watch;

namespace VcSync.Tests.Incremental;

/// <summary>
/// <c>vcsync sync --incremental</c> against a simulator of its own: a kept session and change collector, a re-sync that
/// reads nothing when nothing changed, and a full sync whenever anything did, or the cursor cannot be trusted.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class IncrementalSyncTests(PostgresServer postgres) : IncrementalTestBase
{
    [Fact]
    public async Task An_unchanged_resync_reads_no_inventory_and_writes_no_inventory_row()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        var first = await SyncAsync(db, vcenter);
        var cursor = await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct);
        Assert.NotNull(cursor);
        Assert.Equal(first.TotalObjects, cursor.TotalObjects);
        var before = await SqliteDump.AllTablesAsync(db.Connection);
        var writes = await RowWrites.InstallAsync(db);
        await Simulator.ResetCallCountsAsync(Ct);

        var second = await SyncAsync(db, vcenter);

        var calls = (await Simulator.GetStatusAsync(Ct)).Calls;
        Assert.False(calls.ContainsKey("Login"), "the kept session was not reused");
        Assert.False(calls.ContainsKey("Logout"), "the session was not kept");
        Assert.False(calls.ContainsKey("CreateContainerView"), "the inventory was read again");
        Assert.False(calls.ContainsKey("ContinueRetrievePropertiesEx"), "the inventory was read again");
        Assert.Equal(3, calls.GetValueOrDefault("RetrievePropertiesEx")); // the session's check, the triggered alarms and their names
        Assert.Equal(1, calls.GetValueOrDefault("WaitForUpdatesEx"));
        Assert.Equal(first.TotalObjects, second.TotalObjects);
        Assert.Equal((0, first.Hosts.Ambiguous), (second.Hosts.AutoLinked, second.Hosts.Ambiguous));
        Assert.True(first.Hosts.Ambiguous > 0, "the simulator's world has hosts sharing a serial");
        foreach (var (was, now) in Tables(first, second))
        {
            Assert.Equal((0, 0, 0, was.New), (now.New, now.Updated, now.Deleted, now.Unchanged));
        }

        Assert.Empty(await writes.TakeAsync());
        before["test_row_writes"] = [];
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        var moved = await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct);
        Assert.Equal(cursor with { SavedAt = default }, moved! with { SavedAt = default });
        Assert.Equal(SyncStatus.Completed, (await db.VCenterAsync(vcenter.Id)).LastSyncStatus);
    }

    [Fact]
    public async Task A_change_runs_a_full_sync_that_writes_it_and_the_next_resync_is_unchanged_again()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        var vm = (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct))[3];
        await Simulator.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = (string)vm["moref"]!, ["entityType"] = "VirtualMachine", ["name"] = "renamed <&> 'incremental'" }, Ct);
        await Simulator.ResetCallCountsAsync(Ct);

        var changed = await SyncAsync(db, vcenter);

        Assert.Equal(1, changed.Vms.Updated);
        Assert.True((await Simulator.GetStatusAsync(Ct)).Calls.ContainsKey("CreateContainerView"), "the change did not run a full sync");
        var renamed = (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).Single(v => (string)v["moref"]! == (string)vm["moref"]!);
        Assert.Equal("renamed <&> 'incremental'", renamed["name"]);

        // The cursor saved with the full sync was taken before its fetch: the rename it already wrote is reported again.
        // The simulator reports a change once, so the run after is unchanged; vCenter may report it once more.
        await Simulator.ResetCallCountsAsync(Ct);
        var after = await SyncAsync(db, vcenter);
        Assert.Equal(0, after.Vms.Updated);
        Assert.False((await Simulator.GetStatusAsync(Ct)).Calls.ContainsKey("CreateContainerView"), "an unchanged vCenter was read again");
    }

    [Fact]
    public async Task A_cleared_alarm_alone_is_seen_though_alarms_send_no_updates()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        var first = await SyncAsync(db, vcenter);
        var alarm = (await Simulator.GetTriggeredAlarmsAsync(Ct))[0];
        await Simulator.ClearAlarmAsync(alarm.Key, Ct);
        Messages.Clear();

        var second = await SyncAsync(db, vcenter);

        // A partial sync: every object but the VMs, then only the VMs the alarms name, by moref (no paged read of them all).
        Assert.Equal(1, second.Alarms.Deleted);
        Assert.Equal(first.Vms.New, second.Vms.Unchanged);
        Assert.Contains(Messages, m => m.StartsWith("Fetching 0 changed VMs", StringComparison.Ordinal));
        Assert.Equal(await WatchRig.FullSyncRowsAsync(Simulator), await WatchRig.RowsAsync(db.Store, vcenter.Id));
        Assert.Equal(first.Alarms.New - 1, (await db.Store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct)).Count);
    }

    [Fact]
    public async Task An_expired_session_logs_in_again_and_syncs_in_full()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        var cursor = await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct);
        await Simulator.ExpireSessionsAsync(Ct);
        await Simulator.ResetCallCountsAsync(Ct);

        var second = await SyncAsync(db, vcenter);

        var calls = (await Simulator.GetStatusAsync(Ct)).Calls;
        Assert.Equal(1, calls.GetValueOrDefault("Login"));
        Assert.True(calls.ContainsKey("CreateContainerView"));
        Assert.Equal(0, second.Vms.New + second.Vms.Updated + second.Vms.Deleted);
        var renewed = await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct);
        Assert.NotEqual(cursor!.SessionHash, renewed!.SessionHash);

        await Simulator.ResetCallCountsAsync(Ct);
        await SyncAsync(db, vcenter);
        Assert.False((await Simulator.GetStatusAsync(Ct)).Calls.ContainsKey("Login"), "the new session was not kept");
    }

    [Fact]
    public async Task A_collector_version_the_server_no_longer_knows_starts_a_new_collector_and_a_full_sync()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        var cursor = await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct);
        await Simulator.ControlAsync(new JsonObject { ["op"] = "invalidateCollectors" }, Ct);
        await Simulator.ResetCallCountsAsync(Ct);

        await SyncAsync(db, vcenter);

        var calls = (await Simulator.GetStatusAsync(Ct)).Calls;
        Assert.Equal(1, calls.GetValueOrDefault("CreatePropertyCollector"));
        Assert.Equal(1, calls.GetValueOrDefault("DestroyPropertyCollector")); // the old one
        Assert.NotEqual(cursor!.Collector, (await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct))!.Collector);
    }

    [Fact]
    public async Task A_plain_sync_in_between_deletes_the_cursor_so_the_next_incremental_sync_reads_everything()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        await db.SyncAsync(vcenter, Simulator);
        Assert.Null(await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct));
        await Simulator.ResetCallCountsAsync(Ct);

        await SyncAsync(db, vcenter);

        Assert.True((await Simulator.GetStatusAsync(Ct)).Calls.ContainsKey("CreateContainerView"));
        Assert.NotNull(await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct));
    }

    [Fact]
    public async Task An_unchanged_resync_into_postgres_writes_no_inventory_row()
    {
        await using var db = await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("incremental"));
        var vcenter = await db.RegisterAsync(Simulator);
        var first = await SyncAsync(db, vcenter);
        var writes = await RowWrites.InstallAsync(db);

        var second = await SyncAsync(db, vcenter);

        foreach (var (was, now) in Tables(first, second))
        {
            Assert.Equal((0, 0, 0, was.New), (now.New, now.Updated, now.Deleted, now.Unchanged));
        }

        Assert.Empty(await writes.TakeAsync());
        Assert.NotNull(await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct));
    }

    [Fact]
    public async Task A_failed_incremental_sync_leaves_rows_and_cursor_as_they_were_and_the_next_one_reads_the_change()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        var cursor = await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct);
        var vm = (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct))[5];
        await Simulator.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = (string)vm["moref"]!, ["entityType"] = "VirtualMachine", ["name"] = "renamed-after-a-failure" }, Ct);
        var before = await SqliteDump.AllTablesAsync(db.Connection);
        await Simulator.InjectFaultAsync(FaultInjection.SoapFault("RetrievePropertiesEx", "InvalidProperty", count: 100), Ct);

        await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(db, vcenter));

        await Simulator.ClearFaultsAsync(Ct);
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        Assert.Equal(cursor, await db.Store.ReadSyncCursorAsync(vcenter.Id, Ct));
        var after = await SyncAsync(db, vcenter);
        Assert.Equal(1, after.Vms.Updated);
        Assert.Equal("renamed-after-a-failure", (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).Single(v => (string)v["moref"]! == (string)vm["moref"]!)["name"]);
    }

    [Fact]
    public async Task A_cookie_file_holding_garbage_is_a_session_that_ended_so_the_sync_logs_in()
    {
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(Simulator);
        await SyncAsync(db, vcenter);
        var file = Assert.Single(Directory.GetFiles(State));
        await File.WriteAllTextAsync(file, "\"; <script>\r\n\u0001 not-a-session", Ct);
        await Simulator.ResetCallCountsAsync(Ct);

        var second = await SyncAsync(db, vcenter);

        Assert.Equal(1, (await Simulator.GetStatusAsync(Ct)).Calls.GetValueOrDefault("Login"));
        Assert.Equal(0, second.Vms.New + second.Vms.Updated + second.Vms.Deleted);
        Assert.DoesNotContain("script", await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(State)), Ct), StringComparison.Ordinal);
    }

    private static IEnumerable<(ChangeCounts Was, ChangeCounts Now)> Tables(SyncResult first, SyncResult second) =>
    [
        (first.Clusters, second.Clusters), (first.Hosts, second.Hosts), (first.Vms, second.Vms),
        (first.Datastores, second.Datastores), (first.Networks, second.Networks), (first.Alarms, second.Alarms),
    ];
}
