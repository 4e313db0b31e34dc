using System.Text.Json.Nodes;
using VcSync.Simulator;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Vim.Tests.Integration;

/// <summary>WaitForUpdatesEx against the simulator, on a simulator of its own (the changes would disturb shared ones).</summary>
public sealed class UpdateCollectorSimulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Follows_truncated_sets_then_sees_a_rename_and_is_destroyed_on_dispose()
    {
        await using var sim = await SimulatorProcess.StartAsync(new SimulatorOptions { Vms = 130, Seed = 5 }, Ct);
        await using var client = await LoginAsync(sim);
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name", "runtime.powerState"]));
        var options = new WaitOptions { MaxWaitSeconds = 2, MaxObjectUpdates = 1000 };
        await using (var collector = await client.CreateUpdateCollectorAsync(spec, Ct))
        {
            var entered = new List<ObjectUpdate>();
            var sets = 0;
            UpdateSet? set;
            do
            {
                set = await collector.WaitAsync(options, Ct);
                Assert.NotNull(set);
                Assert.True(set.Objects.Count <= 100, "the server caps maxObjectUpdates");
                entered.AddRange(set.Objects);
                sets++;
            }
            while (set.Truncated);

            Assert.Equal(130, entered.Select(o => o.Obj.Value).Distinct().Count());
            Assert.Equal(2, sets);
            Assert.Null(await collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 0 }, Ct));

            var vm = entered[5].Obj.Value;
            await sim.ControlAsync(new JsonObject { ["op"] = "rename", ["entity"] = vm, ["name"] = "renamed <&> vm" }, Ct);
            var change = await collector.WaitAsync(options, Ct);
            Assert.NotNull(change);
            var update = Assert.Single(change.Objects);
            Assert.Equal(ObjectUpdateKind.Modify, update.Kind);
            Assert.Equal(new PropertyChange("name", PropertyChangeOp.Assign, "renamed <&> vm"), Assert.Single(update.Changes));

            var waiting = collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 30 }, Ct);
            await WaitUntilAsync(sim, "waiting", 1);
            await collector.CancelWaitAsync();
            var canceled = await Assert.ThrowsAsync<VimFaultException>(() => waiting);
            Assert.Equal("RequestCanceled", canceled.FaultType);
            Assert.Equal(1, (int)(await sim.ControlAsync(new JsonObject { ["op"] = "watchStatus" }, Ct))["collectors"]!);
        }

        Assert.Equal(0, (int)(await sim.ControlAsync(new JsonObject { ["op"] = "watchStatus" }, Ct))["collectors"]!);
    }

    [Fact]
    public async Task Expiry_while_waiting_and_InvalidCollectorVersion_are_typed()
    {
        await using var sim = await SimulatorProcess.StartAsync(new SimulatorOptions { Vms = 10, Seed = 6 }, Ct);
        await using var client = await LoginAsync(sim);
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["HostSystem"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("HostSystem", ["name"]));
        await using var collector = await client.CreateUpdateCollectorAsync(spec, Ct);
        Assert.NotNull(await collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 1 }, Ct));

        var invalid = collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 30 }, Ct);
        await WaitUntilAsync(sim, "waiting", 1);
        await sim.ControlAsync(new JsonObject { ["op"] = "invalidateCollectors" }, Ct);
        await Assert.ThrowsAsync<InvalidCollectorVersionException>(() => invalid);
        collector.Reset();
        Assert.NotNull(await collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 1 }, Ct));

        var expiring = collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 30 }, Ct);
        await WaitUntilAsync(sim, "waiting", 1);
        await sim.ExpireSessionsAsync(Ct);
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => expiring);
    }

    private static async Task<VimClient> LoginAsync(SimulatorProcess sim)
    {
        var client = await VimClient.ConnectAsync(new VimClientOptions { Url = sim.SdkUrl, Thumbprint = sim.Thumbprint }, Ct);
        await client.LoginAsync(sim.Username, sim.Password, Ct);
        return client;
    }

    private static async Task WaitUntilAsync(SimulatorProcess sim, string field, int value)
    {
        for (var i = 0; i < 200; i++)
        {
            if ((int)(await sim.ControlAsync(new JsonObject { ["op"] = "watchStatus" }, Ct))[field]! == value)
            {
                return;
            }

            await Task.Delay(25, Ct);
        }

        Assert.Fail($"watchStatus.{field} never became {value}");
    }
}
