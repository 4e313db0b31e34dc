using VcSync.Inventory.Live;
using VcSync.Inventory.Records;
using VcSync.Storage;
using VcSync.Storage.Cursors;
using VcSync.Storage.Jobs;
using VcSync.Storage.Schema;
using VcSync.Sync.Jobs;

namespace VcSync.Tests.Storage;

/// <summary>
/// The incremental-sync cursor (<c>vcenter_sync_cursors</c>), in both stores: saved with the inventory it describes,
/// deleted by any other write of it, and moved on by an unchanged sync that writes no inventory row.
/// </summary>
public abstract partial class InventoryStoreTests
{
    private static readonly SyncCursor Cursor1 = new()
    {
        SessionHash = new string('a', 64),
        Collector = "session[52a1]52b2-collector",
        View = "session[52a1]52c3-view",
        Version = "1",
        Fingerprint = "paths:3f2e;api:8.0.3.0;vcsync:1.4.0",
        AlarmsHash = new string('b', 64),
        TotalObjects = 37,
    };

    [Fact]
    public async Task Cursor_table_has_its_columns()
    {
        await using var store = await OpenStoreAsync();

        var columns = await ReadColumnsAsync(store, "vcenter_sync_cursors");

        Assert.Equal(
            [
                ("vcenter_id", ExpectedType(ColumnKind.Uuid), false),
                ("session_hash", ExpectedType(ColumnKind.Text), false),
                ("collector", ExpectedType(ColumnKind.Text), false),
                ("view_moref", ExpectedType(ColumnKind.Text), false),
                ("version", ExpectedType(ColumnKind.Text), false),
                ("fingerprint", ExpectedType(ColumnKind.Text), false),
                ("alarms_hash", ExpectedType(ColumnKind.Text), false),
                ("total_objects", ExpectedType(ColumnKind.Integer), false),
                ("saved_at", ExpectedType(ColumnKind.Timestamp), false),
            ],
            columns);
    }

    [Fact]
    public async Task Cursor_saved_by_a_sync_write_reads_back_equal_and_a_write_without_one_deletes_it()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var other = await AddVCenterAsync(store, "vc02");
        var snapshot = SnapshotBuilder.Build(vms: 30);
        Assert.Null(await store.ReadSyncCursorAsync(vcenter.Id, Ct));

        await store.WriteSyncAsync(Write(vcenter, snapshot, T1) with { Cursor = Cursor1 }, Ct);
        await store.WriteSyncAsync(Write(other, snapshot, T1) with { Cursor = Cursor1 with { Collector = "other" } }, Ct);

        Assert.Equal(Cursor1 with { SavedAt = T1 }, await store.ReadSyncCursorAsync(vcenter.Id, Ct));
        Assert.Null(await store.ReadSyncCursorAsync(Guid.NewGuid(), Ct));

        // A streamed write replaces it: the cursor of the write's SyncWrite, saved at its commit.
        var next = Cursor1 with { SessionHash = new string('c', 64), Collector = "session[52d4]52e5", View = "v2", Version = "7", TotalObjects = 38 };
        await using (var session = await store.BeginSyncWriteAsync(Write(vcenter, snapshot, T2) with { Cursor = next }, Ct))
        {
            await session.WriteVmsAsync(snapshot.With(vms: snapshot.Vms.Take(15).ToList()), Ct);
            await session.WriteVmsAsync(snapshot.With(vms: snapshot.Vms.Skip(15).ToList()), Ct);
            Assert.Equal(Cursor1 with { SavedAt = T1 }, await store.ReadSyncCursorAsync(vcenter.Id, Ct));
            await session.CompleteAsync(snapshot.Alarms, [], Ct);
        }

        Assert.Equal(next with { SavedAt = T2 }, await store.ReadSyncCursorAsync(vcenter.Id, Ct));

        // A write without a cursor (the legacy sync, the watcher's reconcile) leaves the vCenter without one.
        await store.WriteSyncAsync(Write(vcenter, snapshot, T3), Ct);

        Assert.Null(await store.ReadSyncCursorAsync(vcenter.Id, Ct));
        Assert.Equal(Cursor1 with { Collector = "other", SavedAt = T1 }, await store.ReadSyncCursorAsync(other.Id, Ct));
    }

    [Fact]
    public async Task Cursor_is_deleted_by_the_watchers_changes()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var other = await AddVCenterAsync(store, "vc02");
        var snapshot = SnapshotBuilder.Build(vms: 10);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1) with { Cursor = Cursor1 }, Ct);
        await store.WriteSyncAsync(Write(other, snapshot, T1) with { Cursor = Cursor1 }, Ct);
        var vm = snapshot.Vms[3] with { PowerState = "suspended" };

        await store.ApplyChangesAsync(
            new LiveWrite
            {
                VCenterId = vcenter.Id,
                At = T2,
                Delta = new InventoryDelta
                {
                    Changed = new InventorySnapshot { Clusters = [], Hosts = [], Vms = [vm], Datastores = [], DatastoreHosts = [], Networks = [] },
                    Deleted = new HashSet<string>(),
                    Parents = new HashSet<string> { vm.Moref! },
                },
            },
            Ct);

        Assert.Equal("suspended", (await VmRowAsync(store, vcenter.Id, vm.Moref!))["power_state"]);
        Assert.Null(await store.ReadSyncCursorAsync(vcenter.Id, Ct));
        Assert.Equal(Cursor1 with { SavedAt = T1 }, await store.ReadSyncCursorAsync(other.Id, Ct));
    }

    [Fact]
    public async Task Cursor_unchanged_sync_moves_the_cursor_and_records_the_sync_without_writing_inventory()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var other = await AddVCenterAsync(store, "vc02");
        var snapshot = SnapshotBuilder.Build(vms: 30, hosts: 5, clusters: 2, datastores: 3, networks: 4, alarms: 2);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1) with { Cursor = Cursor1, InstanceUuid = "iu-1", ApiVersion = "8.0.2.0" }, Ct);
        await store.WriteSyncAsync(Write(other, SnapshotBuilder.Build(vms: 5), T1), Ct);
        await store.RecordSyncFailureAsync(new SyncFailure { VCenterId = vcenter.Id, Status = SyncStatus.Failed, Error = "timeout", At = T1.AddMinutes(1) }, Ct);
        await InstallWriteAuditAsync(store);
        var inventory = await InventoryDumpAsync(store);
        var next = Cursor1 with { Version = "2", AlarmsHash = new string('d', 64) };
        var activity = new ActivityRecord
        {
            Operation = "property_collector_wait",
            Endpoint = "vc01 - PropertyCollector",
            Success = true,
            ResponseTimeMs = 12,
            DetailsJson = """{"changes": 0}""",
            CreatedAt = T2,
        };

        var result = await store.RecordUnchangedSyncAsync(
            new UnchangedSync { VCenterId = vcenter.Id, Expected = Cursor1, Next = next, SyncedAt = T2, ApiVersion = "8.0.3.0", Activities = [activity] },
            Ct);

        Assert.Equal(SyncedTables.All.Select(t => t.Name).Order(StringComparer.Ordinal), result.Tables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new TableChanges(0, 0, 0, 30), result.Vms);
        Assert.Equal(new TableChanges(0, 0, 0, 5), result.Hosts);
        Assert.Equal(new TableChanges(0, 0, 0, 2), result.Clusters);
        Assert.Equal(new TableChanges(0, 0, 0, snapshot.DatastoreHosts.Count), result.DatastoreHosts);
        Assert.Equal(new TableChanges(0, 0, 0, 2), result.Alarms);
        Assert.Equal(0, result.RowsWritten);
        Assert.Equal(0, result.AutoLinked);
        Assert.Empty(await QueryAsync(store, "SELECT table_name FROM test_write_audit"));
        Assert.Equal(inventory, await InventoryDumpAsync(store));

        Assert.Equal(next with { SavedAt = T2 }, await store.ReadSyncCursorAsync(vcenter.Id, Ct));
        var row = (await store.FindVCenterAsync(vcenter.Id, Ct))!;
        Assert.Equal((T2, SyncStatus.Completed, (string?)null), (row.LastSyncAt, row.LastSyncStatus, row.LastSyncError));
        Assert.Equal(("iu-1", "8.0.3.0"), (row.InstanceUuid, row.ApiVersion));
        Assert.Equal(T1, (await store.FindVCenterAsync(other.Id, Ct))!.LastSyncAt);
        var logged = await store.ListRowsAsync("idrac_commands", null, Ct);
        var recorded = Assert.Single(logged, a => (string?)a["operation"] == "property_collector_wait");
        Assert.Equal((true, 12, T2), ((bool)recorded["success"]!, (int)recorded["response_time_ms"]!, (DateTimeOffset)recorded["created_at"]!));

        // Counted as a full sync that found every row unchanged counts them, the links included (vc02's hosts share serials).
        var full = await store.WriteSyncAsync(Write(vcenter, snapshot, T3) with { Cursor = next }, Ct);
        Assert.True(full.Ambiguous > 0, "no host shares a serial: the linking pass goes untested");
        Assert.Equal(full, result);
    }

    public static TheoryData<string> CursorMisses => ["other version", "other collector", "other session", "no cursor", "unknown vcenter", "cancelled"];

    [Theory]
    [MemberData(nameof(CursorMisses))]
    public async Task Cursor_unchanged_sync_from_another_place_writes_nothing(string miss)
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(), T1) with { Cursor = miss == "no cursor" ? null : Cursor1 }, Ct);
        var before = await StoreDump.AllTablesAsync(store);
        var cursor = await store.ReadSyncCursorAsync(vcenter.Id, Ct);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var sync = new UnchangedSync
        {
            VCenterId = miss == "unknown vcenter" ? Guid.NewGuid() : vcenter.Id,
            Expected = miss switch
            {
                "other version" => Cursor1 with { Version = "2" },
                "other collector" => Cursor1 with { Collector = "session[52a1]52ff-collector" },
                "other session" => Cursor1 with { SessionHash = new string('f', 64) },
                _ => Cursor1,
            },
            Next = Cursor1 with { Version = "3" },
            SyncedAt = T2,
            Activities = [new ActivityRecord { Operation = "property_collector_wait", Endpoint = "vc01", Success = true, CreatedAt = T2 }],
        };

        var call = () => store.RecordUnchangedSyncAsync(sync, miss == "cancelled" ? cancelled.Token : Ct);
        switch (miss)
        {
            case "unknown vcenter":
                await Assert.ThrowsAsync<InvalidOperationException>(call);
                break;
            case "cancelled":
                await Assert.ThrowsAnyAsync<OperationCanceledException>(call);
                break;
            default:
                await Assert.ThrowsAsync<SyncCursorMovedException>(call);
                break;
        }

        Assert.Equal(before, await StoreDump.AllTablesAsync(store));
        Assert.Equal(cursor, await store.ReadSyncCursorAsync(vcenter.Id, Ct));
    }

    [Fact]
    public async Task Cursor_unchanged_sync_commits_only_while_its_job_is_held()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build();
        var jobs = store.Jobs();
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();
        var claim = await jobs.ClaimAsync("worker-a", TimeSpan.FromMinutes(5), Ct);
        Assert.Equal(job.Id, claim!.Job.Id);
        var held = new JobFence(job.Id, "worker-a");
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1) with { Cursor = Cursor1, Fence = held }, Ct);
        var next = Cursor1 with { Version = "2" };

        await store.RecordUnchangedSyncAsync(new UnchangedSync { VCenterId = vcenter.Id, Expected = Cursor1, Next = next, SyncedAt = T2, Fence = held }, Ct);

        Assert.Equal(next with { SavedAt = T2 }, await store.ReadSyncCursorAsync(vcenter.Id, Ct));
        Assert.Equal(T2, (await store.FindVCenterAsync(vcenter.Id, Ct))!.LastSyncAt);

        // Another worker's fence, and this worker's once it handed the job back: refused like the full write.
        var lost = new JobFence(job.Id, "worker-b");
        var before = await StoreDump.AllTablesAsync(store);
        await Assert.ThrowsAsync<JobLostException>(() => store.WriteSyncAsync(Write(vcenter, snapshot, T3) with { Cursor = Cursor1, Fence = lost }, Ct));
        await Assert.ThrowsAsync<JobLostException>(() => store.RecordUnchangedSyncAsync(
            new UnchangedSync { VCenterId = vcenter.Id, Expected = next, Next = Cursor1 with { Version = "3" }, SyncedAt = T3, Fence = lost }, Ct));
        Assert.Equal(before, await StoreDump.AllTablesAsync(store));

        Assert.True(await jobs.ReleaseAsync(job.Id, "worker-a", Ct));
        before = await StoreDump.AllTablesAsync(store);
        await Assert.ThrowsAsync<JobLostException>(() => store.RecordUnchangedSyncAsync(
            new UnchangedSync { VCenterId = vcenter.Id, Expected = next, Next = Cursor1 with { Version = "3" }, SyncedAt = T3, Fence = held }, Ct));

        Assert.Equal(before, await StoreDump.AllTablesAsync(store));
        Assert.Equal(next with { SavedAt = T2 }, await store.ReadSyncCursorAsync(vcenter.Id, Ct));
    }

    [Fact]
    public async Task Cursor_goes_with_its_vcenter()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var other = await AddVCenterAsync(store, "vc02");
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(), T1) with { Cursor = Cursor1 }, Ct);
        await store.WriteSyncAsync(Write(other, SnapshotBuilder.Build(), T1) with { Cursor = Cursor1 }, Ct);

        Assert.True(await store.RemoveVCenterAsync(vcenter.Id, Ct));

        Assert.Null(await store.ReadSyncCursorAsync(vcenter.Id, Ct));
        Assert.Equal(["1"], await QueryAsync(store, "SELECT COUNT(*) FROM vcenter_sync_cursors"));
        Assert.NotNull(await store.ReadSyncCursorAsync(other.Id, Ct));
    }
}
