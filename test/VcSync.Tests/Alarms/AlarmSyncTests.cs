using VcSync.Storage;
using VcSync.Tests.Fixtures;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Tests.Alarms;

/// <summary>Triggered alarms from the simulator's seeded world into real SQLite, through the full sync.</summary>
public sealed class AlarmSyncTests(SimulatorWorld world) : IClassFixture<SimulatorWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_triggered_alarm_appears_once_with_its_name()
    {
        await using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var vcenter = await world.RegisterAsync(store);

        var result = await world.SyncAsync(store, vcenter);

        var expected = await world.Simulator.GetTriggeredAlarmsAsync(Ct);
        var (rootKeys, names) = await ReadRootFolderAlarmsAsync();
        var rows = await store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(new ChangeCountsView(expected.Count, 0, 0, 0), View(result.Alarms));
        // One row per key: the seeded alarms sit on VMs and hosts, so each also shows on every ancestor.
        Assert.Equal(rows.Count, rows.Select(r => (string)r["alarm_key"]!).Distinct().Count());
        Assert.Equal(rootKeys.Order(StringComparer.Ordinal), rows.Select(r => (string)r["alarm_key"]!).Order(StringComparer.Ordinal));

        var entityNames = await EntityNamesAsync(store, vcenter.Id);
        foreach (var alarm in expected)
        {
            var row = rows.Single(r => (string)r["alarm_key"]! == alarm.Key);
            Assert.Equal(alarm.Entity, row["entity_moref"]);
            Assert.Equal(alarm.EntityType, row["entity_type"]);
            Assert.Equal(entityNames[alarm.Entity], row["entity_name"]);
            Assert.Equal(alarm.Alarm, row["alarm_moref"]);
            Assert.Equal(names[alarm.Alarm], row["alarm_name"]);
            Assert.Equal(alarm.OverallStatus, row["overall_status"]);
            Assert.Equal(Ms(alarm.Time), row["triggered_at"]);
            Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)row["triggered_at"]!).Offset);
            Assert.Equal(alarm.Acknowledged, row["acknowledged"]);
            Assert.Equal(alarm.AcknowledgedByUser is { Length: > 0 } by ? by : null, row["acknowledged_by"]);
            Assert.Equal(alarm.AcknowledgedTime is { } at ? Ms(at) : null, row["acknowledged_at"]);
        }
    }

    [Fact]
    public async Task Acknowledging_clearing_and_triggering_between_syncs_shows_in_the_next_sync()
    {
        await using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var vcenter = await world.RegisterAsync(store);
        await world.SyncAsync(store, vcenter);
        var before = await world.Simulator.GetTriggeredAlarmsAsync(Ct);
        var toAcknowledge = before.First(a => !a.Acknowledged);
        var toClear = before.Last(a => a.Key != toAcknowledge.Key);
        var host = (await store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct))
            .Select(r => (Moref: (string)r["moref"]!, Name: (string)r["name"]!))
            .First(h => before.All(a => a.Key != $"alarm-103.{h.Moref}"));

        await world.Simulator.AcknowledgeAlarmAsync(toAcknowledge.Key, "VSPHERE.LOCAL\\oncall", Ct);
        await world.Simulator.ClearAlarmAsync(toClear.Key, Ct);
        var newKey = await world.Simulator.TriggerAlarmAsync(host.Moref, "Host memory usage", "yellow", Ct);
        var second = await world.SyncAsync(store, vcenter);

        Assert.Equal(new ChangeCountsView(1, 1, 1, before.Count - 2), View(second.Alarms));
        var rows = (await store.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct)).ToDictionary(r => (string)r["alarm_key"]!);
        Assert.Equal(before.Count, rows.Count);
        Assert.DoesNotContain(toClear.Key, rows.Keys);

        var acknowledged = rows[toAcknowledge.Key];
        var simulated = (await world.Simulator.GetTriggeredAlarmsAsync(Ct)).Single(a => a.Key == toAcknowledge.Key);
        Assert.Equal(true, acknowledged["acknowledged"]);
        Assert.Equal("VSPHERE.LOCAL\\oncall", acknowledged["acknowledged_by"]);
        Assert.Equal(Ms(simulated.AcknowledgedTime!.Value), acknowledged["acknowledged_at"]);

        var added = rows[newKey];
        Assert.Equal($"alarm-103.{host.Moref}", newKey);
        Assert.Equal("Host memory usage", added["alarm_name"]);
        Assert.Equal("HostSystem", added["entity_type"]);
        Assert.Equal(host.Name, added["entity_name"]);
        Assert.Equal("yellow", added["overall_status"]);
        Assert.Equal(false, added["acknowledged"]);

        // Nothing changed since: nothing is written.
        var third = await world.SyncAsync(store, vcenter);
        Assert.Equal(new ChangeCountsView(0, 0, 0, before.Count), View(third.Alarms));
    }

    [Fact]
    public async Task Alarms_command_lists_them_newest_first_as_one_json_document()
    {
        await using var database = new TempDatabase();
        await using (var store = await database.OpenAsync())
        {
            await world.SyncAsync(store, await world.RegisterAsync(store));
        }

        var all = await CliRunner.RunAsync("alarms", "--db", database.Path, "--json");
        var red = await CliRunner.RunAsync("alarms", "--status", "red", "--vcenter", "sim", "--db", database.Path, "--json");
        var unknown = await CliRunner.RunAsync("alarms", "--vcenter", "nosuch", "--db", database.Path, "--json");
        var green = await CliRunner.RunAsync("alarms", "--status", "green", "--db", database.Path, "--json");

        var expected = await world.Simulator.GetTriggeredAlarmsAsync(Ct);
        Assert.Equal(0, all.ExitCode);
        using (var document = System.Text.Json.JsonDocument.Parse(all.Stdout))
        {
            var rows = document.RootElement.EnumerateArray().ToList();
            Assert.Equal(expected.Count, rows.Count);
            var times = rows.Select(r => r.GetProperty("triggered_at").GetDateTimeOffset()).ToList();
            Assert.Equal(times.OrderDescending(), times);
            Assert.All(rows, r => Assert.Equal("sim", r.GetProperty("vcenter").GetString()));
            Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("alarm_name").GetString())));
        }

        Assert.Equal(0, red.ExitCode);
        using (var document = System.Text.Json.JsonDocument.Parse(red.Stdout))
        {
            Assert.Equal(
                expected.Where(a => a.OverallStatus == "red").Select(a => a.Key).Order(StringComparer.Ordinal),
                document.RootElement.EnumerateArray().Select(r => r.GetProperty("alarm_key").GetString()!).Order(StringComparer.Ordinal));
        }

        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(string.Empty, unknown.Stdout);
        Assert.Contains("no vCenter named 'nosuch'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, green.ExitCode);
        Assert.Equal(string.Empty, green.Stdout);
    }

    private static ChangeCountsView View(VcSync.Sync.Results.ChangeCounts counts) =>
        new(counts.New, counts.Updated, counts.Deleted, counts.Unchanged);

    private static DateTimeOffset Ms(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static async Task<Dictionary<string, string>> EntityNamesAsync(IInventoryStore store, Guid vcenterId)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in new[] { "vcenter_vms", "vcenter_hosts", "vcenter_clusters", "vcenter_datastores", "vcenter_networks" })
        {
            foreach (var row in await store.ListRowsAsync(table, vcenterId, Ct))
            {
                names[(string)row["moref"]!] = (string)row["name"]!;
            }
        }

        return names;
    }

    /// <summary>The root folder's <c>triggeredAlarmState</c> keys and the alarm definitions' names, read apart from the sync.</summary>
    private async Task<(List<string> Keys, Dictionary<string, string> Names)> ReadRootFolderAlarmsAsync()
    {
        await using var client = await world.LoginAsync();
        var root = client.ServiceContent.RootFolder;
        var keys = new List<string>();
        var alarms = new HashSet<ManagedObjectReference>();
        var rootSpec = new PropertyFilterSpec([new PropertySpec("Folder", ["triggeredAlarmState"])], [new ObjectSpec(root, Skip: false, [])]);
        await foreach (var content in client.RetrievePropertiesAsync(rootSpec, null, Ct))
        {
            foreach (var state in (IEnumerable<object?>)content["triggeredAlarmState"]!)
            {
                var alarmState = (DataObject)state!;
                keys.Add((string)alarmState["key"]!);
                alarms.Add((ManagedObjectReference)alarmState["alarm"]!);
            }
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var nameSpec = new PropertyFilterSpec(
            [new PropertySpec("Alarm", ["info.name"])], alarms.Select(a => new ObjectSpec(a, Skip: false, [])).ToList());
        await foreach (var content in client.RetrievePropertiesAsync(nameSpec, null, Ct))
        {
            names[content.Obj.Value] = (string)content["info.name"]!;
        }

        await client.LogoutAsync(Ct);
        return (keys, names);
    }

    private sealed record ChangeCountsView(int New, int Updated, int Deleted, int Unchanged);
}
