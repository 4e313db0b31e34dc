using VcSync.Inventory.Records;
using VcSync.Storage;
using VcSync.Storage.Schema;

namespace VcSync.Tests.Storage;

/// <summary>
/// What every <see cref="IInventoryStore"/> must do, run against a real database of each kind by the derived classes.
/// </summary>
public abstract partial class InventoryStoreTests
{
    protected static readonly DateTimeOffset T1 = new(2026, 11, 26, 3, 42, 18, 938, TimeSpan.Zero);
    protected static readonly DateTimeOffset T2 = T1.AddMinutes(15);
    protected static readonly DateTimeOffset T3 = T1.AddMinutes(30);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A migrated store on an empty database of its own.</summary>
    protected abstract Task<IInventoryStore> OpenStoreAsync();

    /// <summary>Runs SQL the test writes itself (no parameters).</summary>
    protected abstract Task ExecuteAsync(IInventoryStore store, string sql);

    /// <summary>The first column of every row of a query, as text.</summary>
    protected abstract Task<List<string>> QueryAsync(IInventoryStore store, string sql);

    /// <summary>A table's columns as the database describes them: name, type, nullable.</summary>
    protected abstract Task<List<(string Name, string Type, bool Nullable)>> ReadColumnsAsync(IInventoryStore store, string table);

    /// <summary>The database's name for a kind's type.</summary>
    protected abstract string ExpectedType(ColumnKind kind);

    /// <summary>Triggers that log every row inserted, updated or deleted in the inventory tables to <c>test_write_audit</c>.</summary>
    protected abstract Task InstallWriteAuditAsync(IInventoryStore store);

    [Fact]
    public async Task Migrate_creates_every_contract_table_and_column()
    {
        await using var store = await OpenStoreAsync();
        foreach (var table in ContractSchema.Tables)
        {
            var expected = table.Columns.Select(c => (c.Name, ExpectedType(c.Kind), c.IsNullable)).ToList();
            var actual = await ReadColumnsAsync(store, table.Name);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task Migrate_again_is_a_no_op()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(), T1), Ct);
        var before = await StoreDump.AllTablesAsync(store);

        await store.MigrateAsync(Ct);

        Assert.Equal(before, await StoreDump.AllTablesAsync(store));
    }

    [Fact]
    public async Task First_write_inserts_every_row_as_new()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(vms: 30, hosts: 5, clusters: 2, datastores: 3, networks: 4, alarms: 2);

        var result = await store.WriteSyncAsync(Write(vcenter, snapshot, T1) with { InstanceUuid = "iu-1", ApiVersion = "8.0.3.0" }, Ct);

        Assert.Equal(new TableChanges(2, 0, 0, 0), result.Clusters);
        Assert.Equal(new TableChanges(5, 0, 0, 0), result.Hosts);
        Assert.Equal(new TableChanges(30, 0, 0, 0), result.Vms);
        Assert.Equal(new TableChanges(3, 0, 0, 0), result.Datastores);
        Assert.Equal(new TableChanges(15, 0, 0, 0), result.DatastoreHosts);
        Assert.Equal(new TableChanges(4, 0, 0, 0), result.Networks);
        Assert.Equal(new TableChanges(2, 0, 0, 0), result.Alarms);

        var vms = await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct);
        Assert.Equal(30, vms.Count);
        var vm = vms.Single(r => (string)r["moref"]! == "vm-7");
        var record = snapshot.Vms.Single(v => v.Moref == "vm-7");
        Assert.Equal(vcenter.Id, vm["source_vcenter_id"]);
        Assert.IsType<Guid>(vm["id"]);
        Assert.Equal(record.Name, vm["name"]);
        Assert.Equal(record.VmUuid, vm["vm_uuid"]);
        Assert.Equal(record.CpuCount, vm["cpu_count"]);
        Assert.Equal(record.MemoryMb, vm["memory_mb"]);
        Assert.Equal(record.IsTemplate, vm["is_template"]);
        Assert.Equal(record.PowerState, vm["power_state"]);
        Assert.Equal(record.HostMoref, vm["host_moref"]);
        Assert.Equal(record.DiskUncommittedBytes, vm["disk_uncommitted_bytes"]);
        Assert.Equal(T1, vm["first_seen_at"]);
        Assert.Equal(T1, vm["last_sync_at"]);
        // Listed by name.
        Assert.Equal(vms.Select(r => (string)r["name"]!).Order(StringComparer.Ordinal), vms.Select(r => (string)r["name"]!));

        var alarm = (await store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct)).First();
        Assert.Equal(snapshot.Alarms![0].TriggeredAt, alarm["triggered_at"]);

        var row = await store.FindVCenterAsync(vcenter.Id, Ct);
        Assert.NotNull(row);
        Assert.Equal("iu-1", row.InstanceUuid);
        Assert.Equal("8.0.3.0", row.ApiVersion);
        Assert.Equal(T1, row.LastSyncAt);
        Assert.Equal(SyncStatus.Completed, row.LastSyncStatus);
        Assert.Null(row.LastSyncError);

        var activity = Assert.Single(await store.ListRowsAsync("idrac_commands", null, Ct));
        Assert.Equal("vcenter_api", activity["operation_type"]);
        Assert.Equal("property_collector_fetch", activity["operation"]);
        Assert.Equal(true, activity["success"]);
        Assert.Equal(T1, activity["created_at"]);
    }

    [Fact]
    public async Task Unchanged_rewrite_writes_no_inventory_row()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(vms: 50);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);
        await InstallWriteAuditAsync(store);
        var before = await StoreDump.AllTablesAsync(store, "last_sync_at", "last_sync_status");

        // The same inventory, as new record instances, read again later.
        var result = await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(vms: 50), T2) with { Activities = [] }, Ct);

        Assert.Equal(0, result.RowsWritten);
        Assert.Equal(new TableChanges(0, 0, 0, 50), result.Vms);
        Assert.Equal(new TableChanges(0, 0, 0, snapshot.DatastoreHosts.Count), result.DatastoreHosts);
        Assert.Equal(new TableChanges(0, 0, 0, 2), result.Alarms);
        Assert.Empty(await QueryAsync(store, "SELECT table_name FROM test_write_audit"));
        // Rows keep the last sync that wrote them; the vCenter row says when everything was confirmed.
        Assert.All(await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct), r => Assert.Equal(T1, r["last_sync_at"]));
        Assert.Equal(T2, (await store.FindVCenterAsync(vcenter.Id, Ct))!.LastSyncAt);
        Assert.Equal(before, await StoreDump.AllTablesAsync(store, "last_sync_at", "last_sync_status"));
    }

    [Fact]
    public async Task Changed_column_updates_the_row_and_keeps_its_id()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(vms: 10);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);
        var idBefore = (await VmRowAsync(store, vcenter.Id, "vm-3"))["id"];
        await InstallWriteAuditAsync(store);

        var vms = snapshot.Vms.Select(v => v.Moref == "vm-3" ? v with { Name = "renamed", PowerState = "poweredOff", IpAddress = null } : v).ToList();
        var hosts = snapshot.Hosts.Select(h => h.Moref == "host-2" ? h with { InMaintenanceMode = true } : h).ToList();
        var result = await store.WriteSyncAsync(Write(vcenter, snapshot.With(vms: vms, hosts: hosts), T2), Ct);

        Assert.Equal(new TableChanges(0, 1, 0, 9), result.Vms);
        Assert.Equal(new TableChanges(0, 1, 0, 3), result.Hosts);
        Assert.Equal(2, result.RowsWritten);
        var vm = await VmRowAsync(store, vcenter.Id, "vm-3");
        Assert.Equal(idBefore, vm["id"]);
        Assert.Equal("renamed", vm["name"]);
        Assert.Equal("poweredOff", vm["power_state"]);
        Assert.Null(vm["ip_address"]);
        Assert.Equal(T1, vm["first_seen_at"]);
        Assert.Equal(T2, vm["last_sync_at"]);
        Assert.Equal(T1, (await VmRowAsync(store, vcenter.Id, "vm-4"))["last_sync_at"]);
        Assert.Equal(2, (await QueryAsync(store, "SELECT table_name FROM test_write_audit")).Count);
    }

    [Fact]
    public async Task Gone_objects_are_deleted_for_that_vcenter_only()
    {
        await using var store = await OpenStoreAsync();
        var a = await AddVCenterAsync(store, "vc-a");
        var b = await AddVCenterAsync(store, "vc-b");
        // Both vCenters hold the same morefs, as real ones do.
        var snapshot = SnapshotBuilder.Build(vms: 10, hosts: 3, datastores: 2, alarms: 2);
        await store.WriteSyncAsync(Write(a, snapshot, T1), Ct);
        await store.WriteSyncAsync(Write(b, snapshot, T1), Ct);
        var bBefore = await DumpVCenterAsync(store, b.Id);

        var shrunk = snapshot.With(
            vms: snapshot.Vms.Where(v => v.Moref is not ("vm-1" or "vm-2")).ToList(),
            hosts: snapshot.Hosts.Where(h => h.Moref != "host-3").ToList(),
            datastoreHosts: snapshot.DatastoreHosts.Where(m => m.HostMoref != "host-3").ToList(),
            alarms: snapshot.Alarms!.Skip(1).ToList(),
            clusters: []);
        var result = await store.WriteSyncAsync(Write(a, shrunk, T2), Ct);

        Assert.Equal(new TableChanges(0, 0, 2, 8), result.Vms);
        Assert.Equal(new TableChanges(0, 0, 1, 2), result.Hosts);
        Assert.Equal(new TableChanges(0, 0, 2, 0), result.Clusters);
        Assert.Equal(new TableChanges(0, 0, 2, 4), result.DatastoreHosts);
        Assert.Equal(new TableChanges(0, 0, 1, 1), result.Alarms);
        Assert.Equal(8, (await store.ListRowsAsync("vcenter_vms", a.Id, Ct)).Count);
        Assert.Empty(await store.ListRowsAsync("vcenter_clusters", a.Id, Ct));
        Assert.Equal(bBefore, await DumpVCenterAsync(store, b.Id));

        // And the other way round: B's sync of an empty inventory leaves A alone.
        var aBefore = await DumpVCenterAsync(store, a.Id);
        var empty = new InventorySnapshot { Clusters = [], Hosts = [], Vms = [], Datastores = [], DatastoreHosts = [], Networks = [], Alarms = [] };
        await store.WriteSyncAsync(Write(b, empty, T3), Ct);
        Assert.Equal(aBefore, await DumpVCenterAsync(store, a.Id));
        Assert.Empty(await store.ListRowsAsync("vcenter_vms", b.Id, Ct));
    }

    [Fact]
    public async Task Hostile_strings_round_trip_byte_for_byte()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store, HostileStrings.All[0]);
        var vms = HostileStrings.All.Select((s, i) => new VmRecord
        {
            Moref = s,
            Name = s,
            GuestOs = s,
            IpAddress = s,
            HostName = $"{s}-{i}",
        }).ToList();
        var snapshot = SnapshotBuilder.Build(vms: 0, hosts: 1, clusters: 0, datastores: 0, networks: 0, alarms: 0).With(vms: vms);

        var first = await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);
        var second = await store.WriteSyncAsync(Write(vcenter, snapshot, T2), Ct);

        Assert.Equal(HostileStrings.All.Count, first.Vms.New);
        Assert.Equal(HostileStrings.All.Count, second.Vms.Unchanged);
        var rows = await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct);
        foreach (var (s, i) in HostileStrings.All.Select((s, i) => (s, i)))
        {
            var row = Assert.Single(rows, r => (string)r["moref"]! == s);
            Assert.Equal(s, row["name"]);
            Assert.Equal(s, row["guest_os"]);
            Assert.Equal(s, row["ip_address"]);
            Assert.Equal($"{s}-{i}", row["host_name"]);
        }

        Assert.Equal(HostileStrings.All[0], (await store.FindVCenterByNameAsync(HostileStrings.All[0], Ct))!.Name);
        Assert.Equal(ContractSchema.Tables.Count, (await store.CountRowsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Unset_values_are_null_never_empty_or_zero()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = new InventorySnapshot
        {
            Clusters = [new ClusterRecord { Moref = "domain-c1", Name = "c" }],
            Hosts = [new HostRecord { Moref = "host-1", Name = "h" }],
            Vms = [new VmRecord { Moref = "vm-1", Name = "v" }],
            Datastores = [new DatastoreRecord { Moref = "datastore-1", Name = "d" }],
            DatastoreHosts = [],
            Networks = [new NetworkRecord { Moref = "network-1", Name = "n", NetworkType = "standard" }],
            Alarms = [new AlarmRecord { AlarmKey = "k", EntityMoref = "host-1", EntityType = "HostSystem", AlarmMoref = "alarm-1" }],
        };

        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);

        string[] managed = ["id", "source_vcenter_id", "moref", "name", "alarm_key", "entity_moref", "entity_type", "alarm_moref", "first_seen_at", "last_sync_at", "network_type"];
        string[] valueTypes = ["host_count", "vm_count", "is_uplink", "acknowledged"];
        foreach (var table in new[] { "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_networks", "vcenter_alarms" })
        {
            var row = Assert.Single(await store.ListRowsAsync(table, vcenter.Id, Ct));
            foreach (var (column, value) in row.Where(c => !managed.Contains(c.Key) && !valueTypes.Contains(c.Key)))
            {
                Assert.True(value is null, $"{table}.{column} is {StoreDump.Format(value)}, not NULL");
            }
        }

        var network = Assert.Single(await store.ListRowsAsync("vcenter_networks", vcenter.Id, Ct));
        Assert.Equal(false, network["is_uplink"]);
        Assert.Equal(0, network["host_count"]);
    }

    public static TheoryData<string> Failures => ["cancelled", "null name", "duplicate moref", "unknown vcenter", "check constraint"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failed_write_leaves_the_database_exactly_as_it_was(string failure)
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(vms: 2000);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);
        var before = await StoreDump.AllTablesAsync(store);

        // Everything before the VMs changes (so a partial write would show), then the VMs fail halfway.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var vms = snapshot.Vms.Select(v => v with { PowerState = "suspended" }).Append(new VmRecord { Moref = "vm-new", Name = "new" }).ToList();
        IReadOnlyList<VmRecord> failing = failure switch
        {
            "cancelled" => new TrippingList<VmRecord>(vms, 1500, cancellation.Cancel),
            "null name" => [.. vms.Take(1500), vms[1500] with { Name = null! }, .. vms.Skip(1501)],
            "duplicate moref" => [.. vms, vms[10] with { Name = "twin" }],
            _ => vms,
        };
        var clusters = snapshot.Clusters.Select(c => c with { OverallStatus = "red" }).ToList();
        var networks = failure == "check constraint"
            ? [.. snapshot.Networks, new NetworkRecord { Moref = "network-x", Name = "x", NetworkType = "bogus" }]
            : snapshot.Networks;
        var changed = snapshot.With(
            clusters: clusters,
            networks: networks,
            hosts: snapshot.Hosts.Select(h => h with { EsxiBuild = "1" }).ToList(),
            vms: failing,
            datastoreHosts: [],
            alarms: []);
        var write = Write(failure == "unknown vcenter" ? vcenter with { Id = Guid.NewGuid() } : vcenter, changed, T2);

        await Assert.ThrowsAnyAsync<Exception>(() => store.WriteSyncAsync(write, cancellation.Token));

        Assert.Equal(before, await StoreDump.AllTablesAsync(store));
    }

    [Fact]
    public async Task Alarms_are_left_alone_when_the_sync_did_not_read_them()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(alarms: 3);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);

        var skipped = await store.WriteSyncAsync(Write(vcenter, snapshot.With(withoutAlarms: true), T2), Ct);
        Assert.Equal(TableChanges.None, skipped.Alarms);
        Assert.Equal(3, (await store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct)).Count);

        var acknowledged = snapshot.Alarms!.Select(a => a.AlarmKey == "alarm-1.host-1" ? a with { Acknowledged = true, AcknowledgedBy = "me", AcknowledgedAt = T2 } : a).ToList();
        var changed = await store.WriteSyncAsync(Write(vcenter, snapshot.With(alarms: acknowledged), T2), Ct);
        Assert.Equal(new TableChanges(0, 1, 0, 2), changed.Alarms);

        var cleared = await store.WriteSyncAsync(Write(vcenter, snapshot.With(alarms: []), T3), Ct);
        Assert.Equal(new TableChanges(0, 0, 3, 0), cleared.Alarms);
        Assert.Empty(await store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct));
    }

    [Fact]
    public async Task Datastore_mounts_are_inserted_and_deleted_as_pairs()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(hosts: 2, datastores: 2);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);

        List<DatastoreHostRecord> mounts =
        [
            new("datastore-1", "host-1"),
            new("datastore-1", "host-1"),
            new("datastore-2", "host-2"),
            new("datastore-3", "host-1"),
        ];
        var result = await store.WriteSyncAsync(Write(vcenter, snapshot.With(datastoreHosts: mounts), T2), Ct);

        Assert.Equal(new TableChanges(1, 0, 2, 2), result.DatastoreHosts);
        Assert.Equal(
            ["datastore-1/host-1", "datastore-2/host-2", "datastore-3/host-1"],
            (await store.ListRowsAsync("vcenter_datastore_hosts", vcenter.Id, Ct)).Select(r => $"{r["datastore_moref"]}/{r["host_moref"]}"));
    }

    [Fact]
    public async Task Sync_keeps_the_link_of_a_host_it_updates()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        var snapshot = SnapshotBuilder.Build(hosts: 2);
        await store.WriteSyncAsync(Write(vcenter, snapshot, T1), Ct);
        var serverId = Guid.NewGuid();
        await ExecuteAsync(store, $"INSERT INTO servers (id, service_tag) VALUES ('{serverId}', 'SN000001')");
        await ExecuteAsync(store, $"UPDATE vcenter_hosts SET server_id = '{serverId}' WHERE moref = 'host-1'");

        var hosts = snapshot.Hosts.Select(h => h with { EsxiBuild = "99" }).ToList();
        var result = await store.WriteSyncAsync(Write(vcenter, snapshot.With(hosts: hosts), T2), Ct);

        Assert.Equal(2, result.Hosts.Updated);
        var host = (await store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct)).Single(r => (string)r["moref"]! == "host-1");
        Assert.Equal(serverId, host["server_id"]);
        Assert.Equal("99", host["esxi_build"]);
    }

    [Fact]
    public async Task Sync_failure_is_recorded_without_touching_inventory()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(), T1), Ct);
        var inventoryBefore = await InventoryDumpAsync(store);

        await store.RecordSyncFailureAsync(
            new SyncFailure
            {
                VCenterId = vcenter.Id,
                Status = SyncStatus.Failed,
                Error = "login failed: 'bad' <password>",
                At = T2,
                Activities = [new ActivityRecord { Operation = "login", Endpoint = "vc - SessionManager", Success = false, ErrorMessage = "denied", CreatedAt = T2 }],
            },
            Ct);

        var row = (await store.FindVCenterAsync(vcenter.Id, Ct))!;
        Assert.Equal(SyncStatus.Failed, row.LastSyncStatus);
        Assert.Equal("login failed: 'bad' <password>", row.LastSyncError);
        Assert.Equal(T2, row.LastSyncAt);
        Assert.Equal(inventoryBefore, await InventoryDumpAsync(store));
        var activities = await store.ListRowsAsync("idrac_commands", null, Ct);
        Assert.Equal(2, activities.Count);
        Assert.Equal("denied", activities[1]["error_message"]);

        // A later success clears the error.
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(), T3), Ct);
        row = (await store.FindVCenterAsync(vcenter.Id, Ct))!;
        Assert.Equal(SyncStatus.Completed, row.LastSyncStatus);
        Assert.Null(row.LastSyncError);
    }

    [Fact]
    public async Task Registry_adds_finds_updates_and_removes_with_its_inventory()
    {
        await using var store = await OpenStoreAsync();
        var a = await store.AddVCenterAsync(
            new VCenterRegistration { Name = "vc01", Url = "https://vc01.example.com/sdk", Username = "svc@vsphere.local", TlsThumbprint = "AB:CD", TlsInsecure = true },
            Ct);
        var b = await AddVCenterAsync(store, "vc02");
        await store.WriteSyncAsync(Write(a, SnapshotBuilder.Build(), T1), Ct);
        await store.WriteSyncAsync(Write(b, SnapshotBuilder.Build(), T1), Ct);

        Assert.Equal(["vc01", "vc02"], (await store.ListVCentersAsync(Ct)).Select(v => v.Name));
        Assert.Equal(a with { LastSyncAt = T1, LastSyncStatus = SyncStatus.Completed }, await store.FindVCenterByNameAsync("vc01", Ct));
        Assert.Equal(a.Id, (await store.FindVCenterByUrlAsync("https://vc01.example.com/sdk", Ct))!.Id);
        Assert.Null(await store.FindVCenterByNameAsync("VC01", Ct));
        Assert.True(a.Enabled);
        Assert.Equal("AB:CD", a.TlsThumbprint);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddVCenterAsync(new VCenterRegistration { Name = "vc01", Url = "https://other/sdk", Username = "u" }, Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddVCenterAsync(new VCenterRegistration { Name = "vc03", Url = a.Url, Username = "u" }, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateVCenterAsync(b with { Name = "vc01" }, Ct));
        Assert.False(await store.UpdateVCenterAsync(a with { Id = Guid.NewGuid() }, Ct));

        Assert.True(await store.UpdateVCenterAsync(a with { Enabled = false, Username = "other" }, Ct));
        var updated = (await store.FindVCenterAsync(a.Id, Ct))!;
        Assert.False(updated.Enabled);
        Assert.Equal("other", updated.Username);
        Assert.Equal(T1, updated.LastSyncAt);

        Assert.True(await store.RemoveVCenterAsync(a.Id, Ct));
        Assert.False(await store.RemoveVCenterAsync(a.Id, Ct));
        Assert.Null(await store.FindVCenterAsync(a.Id, Ct));
        foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id"))
        {
            Assert.Empty(await store.ListRowsAsync(table.Name, a.Id, Ct));
        }

        Assert.Equal(20, (await store.ListRowsAsync("vcenter_vms", b.Id, Ct)).Count);
    }

    [Fact]
    public async Task Unknown_tables_are_refused()
    {
        await using var store = await OpenStoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListRowsAsync("vcenter_vms; DROP TABLE vcenters", null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListRowsAsync("servers", Guid.NewGuid(), Ct));
    }

    protected static async Task<VCenterRow> AddVCenterAsync(IInventoryStore store, string name = "vc01") =>
        await store.AddVCenterAsync(
            new VCenterRegistration { Name = name, Url = $"https://{Uri.EscapeDataString(name)}.example.com/sdk", Username = "administrator@vsphere.local" },
            Ct);

    protected static SyncWrite Write(VCenterRow vcenter, InventorySnapshot snapshot, DateTimeOffset at) => new()
    {
        VCenterId = vcenter.Id,
        Snapshot = snapshot,
        SyncedAt = at,
        Activities =
        [
            new ActivityRecord
            {
                Operation = "property_collector_fetch",
                Endpoint = "vc01 - PropertyCollector",
                Success = true,
                ResponseTimeMs = 1234,
                DetailsJson = """{"objects": 42}""",
                CreatedAt = at,
            },
        ],
    };

    private static async Task<IReadOnlyDictionary<string, object?>> VmRowAsync(IInventoryStore store, Guid vcenterId, string moref) =>
        (await store.ListRowsAsync("vcenter_vms", vcenterId, Ct)).Single(r => (string)r["moref"]! == moref);

    private static async Task<string> DumpVCenterAsync(IInventoryStore store, Guid vcenterId)
    {
        var lines = new List<string>();
        foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id"))
        {
            lines.AddRange(await StoreDump.TableAsync(store, table.Name, vcenterId));
        }

        return string.Join('\n', lines);
    }

    private static async Task<string> InventoryDumpAsync(IInventoryStore store)
    {
        var lines = new List<string>();
        foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id"))
        {
            lines.AddRange(await StoreDump.TableAsync(store, table.Name, null));
        }

        return string.Join('\n', lines);
    }
}
