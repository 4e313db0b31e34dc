using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage;
using VcSync.Storage.Watchers;
using VcSync.Sync.Secrets;
using VcSync.Sync.Watch;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Watch;

/// <summary>A vCenter is watched by exactly one worker (workers share a PostgreSQL database, or a SQLite file on one machine); another takes over when that one goes stale.</summary>
public sealed class WatcherTakeoverTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_second_worker_waits_while_the_first_is_live_and_takes_over_when_it_goes_stale(string store)
    {
        await using var rig = await WatchRig.StartAsync(store, postgres, vms: 20, seed: 14);
        var watchers = rig.Store.Watchers();
        // Worker A holds the vCenter and then dies without a word (its heartbeat stops).
        Assert.True(await watchers.TryClaimAsync(rig.VCenter.Id, "worker-a", TimeSpan.FromSeconds(3), Ct));

        // Worker B, the way 'vcsync worker --watch' runs it.
        var options = WatchRig.Options("worker-b");
        Environment.SetEnvironmentVariable(VCenterPasswords.VariableFor(rig.VCenter.Name), rig.Simulator.Password);
        var service = new WatchWorkerService(rig.Store, options, new VCenterPasswords(rig.Store.Passwords()), NullLoggerFactory.Instance);
        await service.StartAsync(Ct);
        try
        {
            // While A's heartbeat is fresh, B does not watch; a foreground watcher is refused with a clear message.
            var foreground = new VCenterWatcher(rig.Store, WatchRig.Options("worker-c"), NullLoggerFactory.Instance);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                foreground.RunAsync(new WatchTarget { VCenter = rig.VCenter, Password = rig.Simulator.Password }, true, Ct));
            Assert.Contains("worker-a", refused.Message, StringComparison.Ordinal);
            Assert.Equal("worker-a", (await rig.WatcherAsync())!.WorkerId);

            await WatchRig.UntilAsync(
                async () => await rig.WatcherAsync() is { WorkerId: "worker-b", Status: WatchStatus.Watching },
                "worker B never took over the stale watcher row");
            await rig.UntilEqualToFullSyncAsync();

            // Worker A comes back: fenced, it writes nothing.
            var victim = (string)(await rig.Store.ListRowsAsync("vcenter_vms", rig.VCenter.Id, Ct))[0]["moref"]!;
            var fenced = await Assert.ThrowsAsync<WatcherFencedException>(() => rig.Store.ApplyChangesAsync(
                new LiveWrite
                {
                    VCenterId = rig.VCenter.Id,
                    WorkerId = "worker-a",
                    At = DateTimeOffset.UtcNow,
                    Delta = new VcSync.Inventory.Live.InventoryDelta
                    {
                        Changed = new VcSync.Inventory.Records.InventorySnapshot { Clusters = [], Hosts = [], Vms = [], Datastores = [], DatastoreHosts = [], Networks = [] },
                        Deleted = new HashSet<string> { victim },
                        Parents = new HashSet<string>(),
                    },
                },
                Ct));
            Assert.Contains("another worker", fenced.Message, StringComparison.Ordinal);
            await rig.UntilEqualToFullSyncAsync();
            Assert.False(await watchers.TryClaimAsync(rig.VCenter.Id, "worker-a", TimeSpan.FromSeconds(3), Ct));

            // B keeps applying changes.
            await rig.ControlAsync(new System.Text.Json.Nodes.JsonObject { ["op"] = "powerOnMany", ["count"] = 2 });
            await rig.UntilEqualToFullSyncAsync();
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            Environment.SetEnvironmentVariable(VCenterPasswords.VariableFor(rig.VCenter.Name), null);
        }

        Assert.Equal(WatchStatus.Stopped, (await rig.WatcherAsync())!.Status);
    }
}
