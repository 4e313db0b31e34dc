using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VcSync.Simulator;
using VcSync.Storage.Sqlite;
using VcSync.Sync.Watch;
using VcSync.Tests.Server;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Watch;

/// <summary>After a lost session, an invalid collector version, a vCenter restart or a watcher restart, the database equals a full sync.</summary>
public sealed class WatcherRecoveryTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Lost_session_invalid_version_vcenter_restart_and_watcher_restart_reconcile_to_a_full_sync(string store)
    {
        await using var rig = await WatchRig.StartAsync(store, postgres, vms: 30, seed: 12);
        await rig.StartWatcherAsync();
        await rig.UntilEqualToFullSyncAsync();
        var vms = await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct);

        // The session expires while the watcher waits; a change made meanwhile arrives through the reconcile.
        var logins = (await rig.Simulator.GetStatusAsync(Ct)).Calls["Login"];
        await rig.Simulator.ExpireSessionsAsync(Ct);
        await rig.ControlAsync(new JsonObject { ["op"] = "destroyVM", ["vm"] = (string)vms[0]["moref"]! });
        await rig.UntilEqualToFullSyncAsync();
        await WatchRig.UntilAsync(async () => (await rig.Simulator.GetStatusAsync(Ct)).Calls["Login"] > logins, "the watcher did not log in again");

        // An expired session reported as missingSet NotAuthenticated is a lost session too, not data.
        await rig.Simulator.InjectFaultAsync(FaultInjection.MissingSetNotAuthenticated(), Ct);
        await rig.ControlAsync(new JsonObject { ["op"] = "invalidateCollectors" });
        await rig.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = (string)vms[1]["moref"]!, ["entityType"] = "VirtualMachine", ["name"] = "after-invalid-version" });
        await rig.UntilEqualToFullSyncAsync();
        Assert.Equal("after-invalid-version", (await rig.RowAsync("vcenter_vms", (string)vms[1]["moref"]!))["name"]);

        // vCenter restarts (the simulator's world is rebuilt from its seed): the destroyed VM is back, the rename gone.
        await rig.Simulator.RestartAsync(Ct);
        await rig.UntilEqualToFullSyncAsync();
        Assert.Equal(vms[1]["name"], (await rig.RowAsync("vcenter_vms", (string)vms[1]["moref"]!))["name"]);

        // The watcher stops; changes happen while no one watches; a new watcher reconciles them.
        await rig.StopWatcherAsync();
        await rig.ControlAsync(new JsonObject { ["op"] = "destroyVM", ["vm"] = (string)vms[2]["moref"]! });
        await rig.ControlAsync(new JsonObject { ["op"] = "powerOnMany", ["count"] = 3 });
        Assert.NotEqual(await rig.FullSyncRowsAsync(), await WatchRig.RowsAsync(rig.Store, rig.VCenter.Id));
        await rig.StartWatcherAsync();
        await rig.UntilEqualToFullSyncAsync();
        Assert.DoesNotContain(await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct), v => (string)v["moref"]! == (string)vms[2]["moref"]!);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_dropped_connection_and_a_database_outage_are_retried_and_reconciled(string store)
    {
        await using var rig = await WatchRig.StartAsync(store, postgres, vms: 20, seed: 13);
        var logs = new CapturedLogs();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Information).AddProvider(logs));
        // On SQLite the watcher's own store gives up on a locked file after 1 s (30 s by default).
        await using var impatient = store == "sqlite" ? new SqliteInventoryStore(rig.Database.Connection, null, TimeSpan.FromSeconds(1)) : null;
        await rig.StartWatcherAsync(store: impatient, loggerFactory: loggerFactory);
        await rig.UntilEqualToFullSyncAsync();

        // The connection drops in the middle of a wait.
        await rig.Simulator.InjectFaultAsync(FaultInjection.SoapFault("WaitForUpdatesEx", "disconnect"), Ct);
        await rig.ControlAsync(new JsonObject { ["op"] = "powerOnMany", ["count"] = 2 });
        await rig.UntilEqualToFullSyncAsync();

        // The database goes away while changes arrive: every write fails, the watcher backs off and tries again (more than
        // once), and once the database is back it reconciles what changed meanwhile.
        var vms = await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct);
        var recoveries = Recoveries(logs);
        await using (await DatabaseOutage.BeginAsync(rig.Database.Connection, postgres))
        {
            await rig.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = (string)vms[3]["moref"]!, ["entityType"] = "VirtualMachine", ["name"] = "renamed-while-db-down" });
            await rig.ControlAsync(new JsonObject { ["op"] = "destroyVM", ["vm"] = (string)vms[4]["moref"]! });
            await rig.ControlAsync(new JsonObject { ["op"] = "powerOnMany", ["count"] = 3 });
            await WatchRig.UntilAsync(() => Task.FromResult(Recoveries(logs) >= recoveries + 2), "the watcher did not back off and retry while the database was down");
        }

        await rig.UntilEqualToFullSyncAsync();
        Assert.Equal("renamed-while-db-down", (await rig.RowAsync("vcenter_vms", (string)vms[3]["moref"]!))["name"]);
        Assert.DoesNotContain(await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct), v => (string)v["moref"]! == (string)vms[4]["moref"]!);
        Assert.Contains(logs.Lines, l => l.Contains("reconnecting and reconciling", StringComparison.Ordinal) && l.Contains(store == "sqlite" ? "locked" : "accepting connections", StringComparison.Ordinal));
        await WatchRig.UntilAsync(async () => await rig.WatcherAsync() is { Status: WatchStatus.Watching, LastError: null }, "the watcher did not report itself healthy again");
    }

    private static int Recoveries(CapturedLogs logs) => logs.Lines.Count(l => l.Contains("reconnecting and reconciling", StringComparison.Ordinal));
}
