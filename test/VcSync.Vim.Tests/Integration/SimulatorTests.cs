using VcSync.Simulator;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests.Integration;

[Collection(SimulatorCollection.Name)]
public sealed class SimulatorTests
{
    private readonly SimulatorFixture _fixture;

    public SimulatorTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SimulatorProcess Simulator => _fixture.Simulator;

    [Fact]
    public async Task Paging_with_a_small_maxObjects_yields_exactly_the_objects_of_one_big_page()
    {
        await using var client = await _fixture.LoginAsync();
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        try
        {
            var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name", "runtime.powerState", "config.uuid", "runtime.host"]));
            var pages = new List<PageProgress>();
            var small = await client.RetrievePropertiesAsync(spec, new RetrieveOptions { MaxObjects = 7, OnPage = pages.Add }, Ct).ToListAsync(Ct);
            var bigPages = 0;
            var big = await client.RetrievePropertiesAsync(spec, new RetrieveOptions { MaxObjects = 1000, OnPage = _ => bigPages++ }, Ct).ToListAsync(Ct);

            Assert.Equal(Simulator.Counts.Vms, big.Count);
            Assert.Equal(1, bigPages);
            Assert.Equal((big.Count + 6) / 7, pages.Count);
            Assert.Equal(Describe(big), Describe(small));
            Assert.All(big, o => Assert.IsType<ManagedObjectReference>(o["runtime.host"]));
            Assert.Equal(0, await Simulator.GetOpenTokenCountAsync(Ct));
        }
        finally
        {
            await client.DestroyViewAsync(view, Ct);
        }
    }

    [Fact]
    public async Task The_wire_floor_sees_the_same_pages_and_objects()
    {
        await using var client = await _fixture.LoginAsync();
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name"]));
        var raw = await client.RetrievePropertiesRawAsync(spec, new RetrieveOptions { MaxObjects = 10 }, Ct);
        Assert.Equal(Simulator.Counts.Vms, raw.Objects);
        Assert.Equal((Simulator.Counts.Vms + 9) / 10, raw.Pages);
        Assert.Equal(0, await Simulator.GetOpenTokenCountAsync(Ct));
        await client.DestroyViewAsync(view, Ct);
    }

    [Fact]
    public async Task Stopping_mid_stream_leaves_no_token_open()
    {
        await using var client = await _fixture.LoginAsync();
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name"]));

        var seen = 0;
        await foreach (var unused in client.RetrievePropertiesAsync(spec, new RetrieveOptions { MaxObjects = 5 }, Ct))
        {
            if (++seen == 8)
            {
                break;
            }
        }

        Assert.Equal(0, await Simulator.GetOpenTokenCountAsync(Ct));

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in client.RetrievePropertiesAsync(spec, new RetrieveOptions { MaxObjects = 5 }, cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Equal(0, await Simulator.GetOpenTokenCountAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var unused in client.RetrievePropertiesAsync(spec, new RetrieveOptions { MaxObjects = 5 }, Ct))
            {
                throw new InvalidOperationException("consumer failed");
            }
        });

        Assert.Equal(0, await Simulator.GetOpenTokenCountAsync(Ct));
        await client.DestroyViewAsync(view, Ct);
    }

    [Fact]
    public async Task A_wrong_password_is_an_InvalidLogin()
    {
        await using var client = await _fixture.ConnectAsync();
        var error = await Assert.ThrowsAsync<InvalidLoginException>(() => client.LoginAsync(Simulator.Username, "wrong<&>password", Ct));
        Assert.DoesNotContain("wrong<&>password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pinned_certificate_is_trusted_and_a_different_pin_refused()
    {
        await using (var client = await _fixture.ConnectAsync())
        {
            Assert.Equal(Simulator.ApiVersion, client.ServiceContent.About.ApiVersion);
            Assert.Equal(Simulator.InstanceUuid, client.ServiceContent.About.InstanceUuid);
        }

        var wrong = new string('0', 64);
        var error = await Assert.ThrowsAsync<VimCertificateException>(() =>
            VimClient.ConnectAsync(new VimClientOptions { Url = Simulator.SdkUrl, Thumbprint = wrong }, Ct));
        Assert.Equal(Simulator.Thumbprint, error.Thumbprint, ignoreCase: true);
    }

    [Fact]
    public async Task Default_validation_refuses_the_self_signed_certificate_naming_its_thumbprint()
    {
        var error = await Assert.ThrowsAsync<VimCertificateException>(() =>
            VimClient.ConnectAsync(new VimClientOptions { Url = new Uri($"127.0.0.1:{Simulator.Port}", UriKind.RelativeOrAbsolute) }, Ct));
        Assert.Contains(Simulator.Thumbprint, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--thumbprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_outlives_its_timeout_fails_cleanly()
    {
        await using var client = await _fixture.LoginAsync(TimeSpan.FromMilliseconds(500));
        await Simulator.SetDelayAsync(TimeSpan.FromSeconds(2), Ct);
        try
        {
            var error = await Assert.ThrowsAsync<VimTimeoutException>(() =>
                client.InvokeAsync("CurrentTime", new ManagedObjectReference("ServiceInstance", "ServiceInstance"), [], Ct));
            Assert.Equal(TimeSpan.FromMilliseconds(500), error.Timeout);
        }
        finally
        {
            await Simulator.SetDelayAsync(TimeSpan.Zero, Ct);
        }

        Assert.IsType<DateTimeOffset>(await client.InvokeAsync("CurrentTime", new ManagedObjectReference("ServiceInstance", "ServiceInstance"), [], Ct));
    }

    [Fact]
    public async Task A_NotAuthenticated_missingSet_and_an_expired_session_raise_NotAuthenticated()
    {
        await using var client = await _fixture.LoginAsync();
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name"]));
        await Simulator.InjectFaultAsync(FaultInjection.MissingSetNotAuthenticated("RetrievePropertiesEx"), Ct);
        await Assert.ThrowsAsync<NotAuthenticatedException>(async () => await client.RetrievePropertiesAsync(spec, null, Ct).ToListAsync(Ct));
        await Simulator.ClearFaultsAsync(Ct);

        await Simulator.ExpireSessionsAsync(Ct);
        var error = await Assert.ThrowsAnyAsync<NoPermissionException>(async () => await client.RetrievePropertiesAsync(spec, null, Ct).ToListAsync(Ct));
        Assert.True(error.IsA("NotAuthenticated") || error.IsA("NoPermission"));
        Assert.Equal(0, await Simulator.GetOpenTokenCountAsync(Ct));
    }

    [Fact]
    public async Task Injected_faults_and_transport_failures_are_typed()
    {
        await using var client = await _fixture.LoginAsync();
        var now = new ManagedObjectReference("ServiceInstance", "ServiceInstance");
        await Simulator.InjectFaultAsync(FaultInjection.SoapFault("CurrentTime", "InvalidArgument"), Ct);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => client.InvokeAsync("CurrentTime", now, [], Ct));
        await Simulator.InjectFaultAsync(new FaultInjection("CurrentTime", "http503"), Ct);
        await Assert.ThrowsAsync<VimProtocolException>(() => client.InvokeAsync("CurrentTime", now, [], Ct));
        await Simulator.InjectFaultAsync(new FaultInjection("CurrentTime", "disconnect"), Ct);
        await Assert.ThrowsAnyAsync<VimException>(() => client.InvokeAsync("CurrentTime", now, [], Ct));
        await Simulator.ClearFaultsAsync(Ct);
        Assert.IsType<DateTimeOffset>(await client.InvokeAsync("CurrentTime", now, [], Ct));
    }

    [Fact]
    public async Task Inventory_values_decode_from_the_simulator()
    {
        await using var client = await _fixture.LoginAsync();
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["HostSystem", "Datastore", "DistributedVirtualPortgroup"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(
            view,
            new PropertySpec("HostSystem", ["name", "hardware.systemInfo.otherIdentifyingInfo", "summary.hardware.numCpuCores"]),
            new PropertySpec("Datastore", ["name", "host", "summary.capacity"]),
            new PropertySpec("DistributedVirtualPortgroup", ["name", "config.defaultPortConfig"]));
        var objects = await client.RetrievePropertiesAsync(spec, null, Ct).ToListAsync(Ct);
        await client.DestroyViewAsync(view, Ct);

        var hosts = objects.Where(o => o.Obj.Type == "HostSystem").ToList();
        Assert.Equal(Simulator.Counts.Hosts, hosts.Count);
        Assert.All(hosts, h => Assert.IsType<short>(h["summary.hardware.numCpuCores"]));
        Assert.Contains(hosts, h => h["hardware.systemInfo.otherIdentifyingInfo"] is IReadOnlyList<object?> { Count: > 0 } infos
            && infos.All(i => i is DataObject d && d["identifierValue"] is string && d.Get("identifierType.key") is string));

        var datastores = objects.Where(o => o.Obj.Type == "Datastore").ToList();
        Assert.Equal(Simulator.Counts.Datastores, datastores.Count);
        Assert.All(datastores, d => Assert.IsType<long>(d["summary.capacity"]));
        Assert.Contains(datastores, d => d["host"] is IReadOnlyList<object?> { Count: > 0 } mounts
            && mounts.All(m => m is DataObject { TypeName: "DatastoreHostMount" } mount && mount["key"] is ManagedObjectReference { Type: "HostSystem" }));

        var portgroups = objects.Where(o => o.Obj.Type == "DistributedVirtualPortgroup").ToList();
        Assert.NotEmpty(portgroups);
        var vlanKinds = portgroups.Select(p => (p["config.defaultPortConfig"] as DataObject)?.Get("vlan") as DataObject).Select(v => v?.TypeName).ToHashSet();
        Assert.Contains("VmwareDistributedVirtualSwitchVlanIdSpec", vlanKinds);
    }

    [Fact]
    public async Task Tasks_run_through_the_generic_call_and_wait_helper()
    {
        await using var client = await _fixture.LoginAsync();
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine"], true, Ct);
        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name", "runtime.powerState"]));
        var vm = (await client.RetrievePropertiesAsync(spec, null, Ct).ToListAsync(Ct)).First(o => (string?)o["runtime.powerState"] == "poweredOn");
        await client.DestroyViewAsync(view, Ct);

        var rename = Assert.IsType<ManagedObjectReference>(await client.InvokeAsync("Rename_Task", vm.Obj, [new("newName", "renamed <&> vm")], Ct));
        await client.WaitForTaskAsync(rename, Ct);
        var powerOff = Assert.IsType<ManagedObjectReference>(await client.InvokeAsync("PowerOffVM_Task", vm.Obj, [], Ct));
        await client.WaitForTaskAsync(powerOff, Ct);

        var one = new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name", "runtime.powerState"])], [new ObjectSpec(vm.Obj, false, [])]);
        var after = Assert.Single(await client.RetrievePropertiesAsync(one, null, Ct).ToListAsync(Ct));
        Assert.Equal("renamed <&> vm", after["name"]);
        Assert.Equal("poweredOff", after["runtime.powerState"]);

        var again = Assert.IsType<ManagedObjectReference>(await client.InvokeAsync("PowerOffVM_Task", vm.Obj, [], Ct));
        var error = await Assert.ThrowsAnyAsync<VimFaultException>(() => client.WaitForTaskAsync(again, Ct));
        Assert.True(error.IsA("InvalidState") || error.IsA("VimFault"), error.FaultType);

        var collector = client.ServiceContent.PropertyCollector;
        var updates = await client.InvokeAsync("RetrieveProperties", collector, [new("specSet", new[] { one })], Ct);
        Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(updates));
    }

    private static List<string> Describe(IEnumerable<ObjectContent> objects) =>
        [.. objects.Select(o => $"{o.Obj}|{string.Join(",", o.PropSet.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"))}")
            .Order(StringComparer.Ordinal)];
}
