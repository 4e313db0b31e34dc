using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Changes;
using VcSync.Sync.Watch;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Watch;

/// <summary><c>vcsync watch</c> and <c>vcsync changes</c> as real processes; SIGTERM; retention of the history.</summary>
public sealed class WatchCliTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-watch-").FullName;
    private SimulatorProcess _simulator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, "vcsync.db");

    public async ValueTask InitializeAsync() => _simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Vms = 25, Seed = 15 }, Ct);

    public async ValueTask DisposeAsync()
    {
        await _simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Watch_applies_changes_then_SIGTERM_cancels_the_wait_destroys_the_collector_logs_out_and_exits_143(string storeKind)
    {
        var database = storeKind == "postgres" ? await postgres.CreateDatabaseAsync("watchcli") : Database;
        using var process = CliProcess.Start(
            ["watch", "--url", _simulator.SdkUrl.ToString(), "--username", _simulator.Username, "--thumbprint", _simulator.Thumbprint,
             "--db", database, "--name", "sim", "--alarm-interval", "1s"],
            new Dictionary<string, string> { ["VCSYNC_PASSWORD"] = _simulator.Password });
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        CliProcess.Run run;
        try
        {
            await using (var store = await InventoryStoreFactory.OpenAsync(database, null, Ct))
            {
                await WatchRig.UntilAsync(async () => (await store.Watchers().ListAsync(Ct)).SingleOrDefault()?.Status == WatchStatus.Watching, "vcsync watch never reached 'watching'");
                var vm = (await store.ListRowsAsync("vcenter_vms", null, Ct))[0];
                await _simulator.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = (string)vm["moref"]!, ["entityType"] = "VirtualMachine", ["name"] = "renamed-by-cli-test" }, Ct);
                await WatchRig.UntilAsync(
                    async () => (await store.ListRowsAsync("vcenter_vms", null, Ct)).Any(v => (string?)v["name"] == "renamed-by-cli-test"),
                    "the rename never reached the database");
                await WatchRig.UntilAsync(async () => (int)(await _simulator.ControlAsync(new JsonObject { ["op"] = "watchStatus" }, Ct))["waiting"]! == 1, "no wait in progress");

                using var kill = Process.Start(new ProcessStartInfo("bash", ["-c", $"kill -s TERM {process.Id}"]) { UseShellExecute = false })!;
                await kill.WaitForExitAsync(Ct);
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                patience.CancelAfter(Patience);
                await process.WaitForExitAsync(patience.Token);
                run = new CliProcess.Run(process.ExitCode, await output, await error);
                Assert.Equal(WatchStatus.Stopped, (await store.Watchers().ListAsync(Ct)).Single().Status);

                var changes = await CliProcess.RunAsync(["changes", "--db", database, "--since", "1h", "--type", "vm", "--moref", (string)vm["moref"]!, "--json"]);
                Assert.True(changes.ExitCode == 0, changes.ToString());
                var rows = JsonDocument.Parse(changes.StandardOutput).RootElement.EnumerateArray().ToList();
                Assert.Contains(rows, r => r.GetProperty("column_name").GetString() == "name" && r.GetProperty("new_value").GetString() == "renamed-by-cli-test"
                    && r.GetProperty("source").GetString() == ChangeSource.Watch && r.GetProperty("vcenter").GetString() == "sim");
                Assert.Contains(rows, r => r.GetProperty("change_kind").GetString() == ChangeKind.Created);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.True(run.ExitCode == 143, run.ToString());
        Assert.Equal(string.Empty, run.StandardOutput);
        var status = await _simulator.GetStatusAsync(Ct);
        Assert.True(status.Calls.GetValueOrDefault("CancelWaitForUpdates") >= 1, run.ToString());
        Assert.True(status.Calls.GetValueOrDefault("DestroyPropertyCollector") >= 1, run.ToString());
        Assert.Equal(status.Calls["Login"], status.Calls.GetValueOrDefault("Logout"));
        Assert.Equal(0, (int)(await _simulator.ControlAsync(new JsonObject { ["op"] = "watchStatus" }, Ct))["collectors"]!);
    }

    [Theory]
    [InlineData("--since", "yesterday-ish")]
    [InlineData("--type", "teapot")]
    public async Task Changes_refuses_bad_filters_with_one_line(string option, string value)
    {
        var run = await CliProcess.RunAsync(["changes", "--db", Database, option, value, "--json"]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(string.Empty, run.StandardOutput);
        Assert.Contains(value, run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Full_syncs_record_history_and_the_worker_prunes_it_after_the_retention(string storeKind)
    {
        await using var db = storeKind == "postgres" ? await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("retention")) : await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(_simulator);
        await db.SyncAsync(vcenter, _simulator);
        var history = db.Store.Changes();
        var first = await history.ListAsync(new ChangeQuery { Limit = 100_000 }, Ct);
        var objects = (await db.Store.CountRowsAsync(Ct)).Where(c => c.Key is "vcenter_vms" or "vcenter_hosts" or "vcenter_clusters" or "vcenter_datastores" or "vcenter_networks" or "vcenter_alarms").Sum(c => c.Value);
        Assert.Equal(objects, first.Count);
        Assert.All(first, r => Assert.Equal((ChangeKind.Created, ChangeSource.Sync, (object?)null), ((string)r["change_kind"]!, (string)r["source"]!, r["column_name"])));

        var host = (await db.Store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct))[0];
        await _simulator.ControlAsync(new JsonObject { ["op"] = "hostMaintenance", ["host"] = (string)host["moref"]!, ["enabled"] = !(bool)host["in_maintenance_mode"]! }, Ct);
        await db.SyncAsync(vcenter, _simulator);
        var second = await history.ListAsync(new ChangeQuery { Moref = (string)host["moref"]! }, Ct);
        var update = Assert.Single(second, r => (string?)r["change_kind"] == ChangeKind.Updated);
        Assert.Equal(("in_maintenance_mode", ChangeSource.Sync), ((string)update["column_name"]!, (string)update["source"]!));
        Assert.Equal(((bool)host["in_maintenance_mode"]! ? "true" : "false", (bool)host["in_maintenance_mode"]! ? "false" : "true"), ((string)update["old_value"]!, (string)update["new_value"]!));

        Assert.Equal(0, await HistoryPruneService.PruneAsync(db.Store, new HistoryRetention(TimeSpan.FromDays(90)), DateTimeOffset.UtcNow, Ct));
        var all = (await history.ListAsync(new ChangeQuery { Limit = 100_000 }, Ct)).Count;
        Assert.Equal(all, await HistoryPruneService.PruneAsync(db.Store, new HistoryRetention(TimeSpan.FromDays(90)), DateTimeOffset.UtcNow.AddDays(91), Ct));
        Assert.Empty(await history.ListAsync(new ChangeQuery(), Ct));
        Assert.Equal(objects, (await db.Store.CountRowsAsync(Ct)).Where(c => c.Key is "vcenter_vms" or "vcenter_hosts" or "vcenter_clusters" or "vcenter_datastores" or "vcenter_networks" or "vcenter_alarms").Sum(c => c.Value));
    }
}
