using System.Text.Json.Nodes;
using VcSync.Server.Hosting;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.Watch;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Server;

/// <summary>
/// <c>vcsync serve --watch</c>: the watcher runs in the server's process, and what it applies shows at once in the
/// change feed, in the overview's watcher column and in the watcher metrics. A simulator of its own, since it changes it.
/// </summary>
public sealed class ServeWatchTests
{
    private const string VCenterName = "serve-watch";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_made_on_vCenter_reaches_the_feed_the_overview_and_the_metrics()
    {
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, Ct);
        Environment.SetEnvironmentVariable("VCSYNC_PASSWORD_SERVE_WATCH", simulator.Password);
        await using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration { Name = VCenterName, Url = simulator.SdkUrl.ToString(), Username = simulator.Username, TlsThumbprint = simulator.Thumbprint },
            Ct);
        var watch = new WatchOptions
        {
            WorkerId = "serve-watch-test",
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            StaleAfter = TimeSpan.FromSeconds(5),
            MaxWait = TimeSpan.FromSeconds(2),
            CallTimeout = TimeSpan.FromSeconds(30),
        };
        await using var server = await RunningServer.StartAsync(store, new ServeOptions { Watch = watch });

        // The watcher's first full sync, then it watches.
        await UntilAsync(async () => (await store.Watchers().ListAsync(Ct)).SingleOrDefault()?.Status == WatchStatus.Watching);
        var vm = (await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).First(v => (string?)v["power_state"] == "poweredOn");
        var moref = (string)vm["moref"]!;
        await simulator.ControlAsync(new JsonObject { ["op"] = "powerVM", ["vm"] = moref, ["state"] = "poweredOff" }, Ct);

        var feed = $"/api/v1/changes?vcenter={VCenterName}&source=watch&moref={Uri.EscapeDataString(moref)}&column=power_state";
        await UntilAsync(async () => (await server.GetJsonAsync(feed)).GetProperty("total").GetInt64() > 0);
        var change = (await server.GetJsonAsync(feed)).GetProperty("items")[0];
        Assert.Equal(("updated", "poweredOn", "poweredOff"), (change.GetProperty("change_kind").GetString(), change.GetProperty("old_value").GetString(), change.GetProperty("new_value").GetString()));
        Assert.Equal("poweredOff", (await server.GetJsonAsync($"/api/v1/vms/{vm["id"]}")).GetProperty("power_state").GetString());

        var row = (await store.Watchers().ListAsync(Ct)).Single();
        Assert.NotNull(row.LagMs);
        var overview = await server.Client.GetStringAsync("/", Ct);
        Assert.Contains("<span class=\"status green\">watching</span>", overview, StringComparison.Ordinal);
        Assert.Contains("data-lag-ms", overview, StringComparison.Ordinal);
        var metrics = await server.Client.GetStringAsync("/metrics", Ct);
        Assert.Matches($"vcsync_watcher_lag_seconds\\{{[^}}]*vcenter=\"{VCenterName}\"[^}}]*\\}} [0-9.e-]+", metrics);
        Assert.Matches($"vcsync_watcher_status\\{{[^}}]*status=\"watching\"[^}}]*vcenter=\"{VCenterName}\"[^}}]*\\}} 1\\b", metrics);
        var page = await server.Client.GetStringAsync($"/changes?vcenter={VCenterName}&source=watch", Ct);
        Assert.Contains(">power_state<", page, StringComparison.Ordinal);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the watcher did not get there within 90 s");
            await Task.Delay(200, Ct);
        }
    }
}
