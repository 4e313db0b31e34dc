using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

public sealed class UpdateCollectorTests
{
    // Recorded from test/Simulator (vcsim-vcsync) with curl: version "" with maxObjectUpdates=2, then a power-off and a destroy.
    private const string EnterSet =
        "<WaitForUpdatesExResponse xmlns=\"urn:vim25\"><returnval><version>1</version><filterSet><filter type=\"PropertyFilter\">session[s1]filter-1</filter><objectSet><kind>enter</kind><obj type=\"VirtualMachine\">vm-90</obj><changeSet><name>name</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"xsd:string\">quote&#34;in&#39;name</val></changeSet><changeSet><name>runtime.powerState</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"VirtualMachinePowerState\">poweredOn</val></changeSet><changeSet><name>network</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"ArrayOfManagedObjectReference\"><ManagedObjectReference type=\"DistributedVirtualPortgroup\">dvportgroup-85</ManagedObjectReference></val></changeSet></objectSet><objectSet><kind>enter</kind><obj type=\"VirtualMachine\">vm-93</obj><changeSet><name>name</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"xsd:string\">rocket-🚀-vm</val></changeSet><changeSet><name>runtime.powerState</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"VirtualMachinePowerState\">poweredOn</val></changeSet><changeSet><name>guest.ipAddress</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"xsd:string\">10.13.237.228</val></changeSet><changeSet><name>network</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"ArrayOfManagedObjectReference\"><ManagedObjectReference type=\"DistributedVirtualPortgroup\">dvportgroup-81</ManagedObjectReference></val></changeSet></objectSet></filterSet><truncated>true</truncated></returnval></WaitForUpdatesExResponse>";

    private const string ModifyAndLeaveSet =
        "<WaitForUpdatesExResponse xmlns=\"urn:vim25\"><returnval><version>3</version><filterSet><filter type=\"PropertyFilter\">session[s1]filter-1</filter><objectSet><kind>modify</kind><obj type=\"VirtualMachine\">vm-93</obj><changeSet><name>runtime.powerState</name><op>assign</op><val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" XMLSchema-instance:type=\"VirtualMachinePowerState\">poweredOff</val></changeSet><changeSet><name>guest.ipAddress</name><op>assign</op></changeSet></objectSet><objectSet><kind>leave</kind><obj type=\"VirtualMachine\">vm-90</obj></objectSet></filterSet></returnval></WaitForUpdatesExResponse>";

    // The shape real vCenter writes (xsi prefix, a filter-level missingSet is ignored, an object missingSet NotAuthenticated).
    private const string ExpiredSet =
        "<WaitForUpdatesExResponse xmlns=\"urn:vim25\"><returnval><version>7</version><filterSet><filter type=\"PropertyFilter\">f</filter>" +
        "<objectSet><kind>modify</kind><obj type=\"VirtualMachine\">vm-1</obj><missingSet><path>name</path><fault><fault xsi:type=\"NotAuthenticated\">" +
        "<object type=\"SessionManager\">SessionManager</object><privilegeId>System.View</privilegeId></fault><localizedMessage>gone</localizedMessage></fault>" +
        "</missingSet></objectSet></filterSet></returnval></WaitForUpdatesExResponse>";

    private static readonly PropertyFilterSpec Spec = PropertyFilterSpec.ForContainerView(
        new ManagedObjectReference("ContainerView", "session[1]view-1"), new PropertySpec("VirtualMachine", ["name", "runtime.powerState"]));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FakeVim Collector() => new FakeVim()
        .On("CreatePropertyCollector", _ => SoapXml.Ok("<CreatePropertyCollectorResponse xmlns=\"urn:vim25\"><returnval type=\"PropertyCollector\">pc-1</returnval></CreatePropertyCollectorResponse>"))
        .On("CreateFilter", _ => SoapXml.Ok("<CreateFilterResponse xmlns=\"urn:vim25\"><returnval type=\"PropertyFilter\">filter-1</returnval></CreateFilterResponse>"))
        .On("DestroyPropertyCollector", _ => SoapXml.Ok("<DestroyPropertyCollectorResponse xmlns=\"urn:vim25\"/>"))
        .On("CancelWaitForUpdates", _ => SoapXml.Ok("<CancelWaitForUpdatesResponse xmlns=\"urn:vim25\"/>"));

    [Fact]
    public async Task Value_filters_trim_the_values_of_the_paths_they_name_as_a_retrieval_does()
    {
        const string devices =
            "<WaitForUpdatesExResponse xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><returnval><version>2</version><filterSet><filter type=\"PropertyFilter\">f</filter>" +
            "<objectSet><kind>modify</kind><obj type=\"VirtualMachine\">vm-7</obj><changeSet><name>config.hardware.device</name><op>assign</op><val xsi:type=\"ArrayOfVirtualDevice\">" +
            "<VirtualDevice xsi:type=\"VirtualKeyboard\"><key>600</key></VirtualDevice>" +
            "<VirtualDevice xsi:type=\"VirtualVmxnet3\"><key>4000</key><slotInfo xsi:type=\"VirtualDevicePciBusSlotInfo\"><pciSlotNumber>192</pciSlotNumber></slotInfo><macAddress>00:50:56:00:00:07</macAddress></VirtualDevice>" +
            "</val></changeSet><changeSet><name>name</name><op>assign</op><val xsi:type=\"xsd:string\">kept</val></changeSet></objectSet></filterSet></returnval></WaitForUpdatesExResponse>";
        var fake = Collector().On("WaitForUpdatesEx", _ => SoapXml.Ok(devices));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using var collector = await client.CreateUpdateCollectorAsync(Spec, Ct);

        var set = await collector.WaitAsync(
            new WaitOptions { ValueFilters = [new PropertyValueFilter("config.hardware.device", type => type != "VirtualKeyboard", ["slotInfo"])] }, Ct);

        Assert.NotNull(set);
        var changes = Assert.Single(set.Objects).Changes;
        var nic = Assert.IsType<DataObject>(Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<object?>>(changes[0].Value)));
        Assert.Equal("VirtualVmxnet3", nic.TypeName);
        Assert.Null(nic["slotInfo"]);
        Assert.Equal("00:50:56:00:00:07", nic["macAddress"]);
        Assert.Equal("kept", changes[1].Value);
    }

    [Fact]
    public async Task Reads_enter_modify_and_leave_with_versions_truncation_and_unset_values()
    {
        var answers = new Queue<string>([EnterSet, ModifyAndLeaveSet, "<WaitForUpdatesExResponse xmlns=\"urn:vim25\"></WaitForUpdatesExResponse>"]);
        var fake = Collector().On("WaitForUpdatesEx", _ => SoapXml.Ok(answers.Dequeue()));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using (var collector = await client.CreateUpdateCollectorAsync(Spec, Ct))
        {
            Assert.Equal("pc-1", collector.Collector.Value);
            Assert.Equal("filter-1", collector.Filter?.Value);
            var options = new WaitOptions { MaxWaitSeconds = 1, MaxObjectUpdates = 2 };

            var first = await collector.WaitAsync(options, Ct);
            Assert.NotNull(first);
            Assert.Equal("1", first.Version);
            Assert.True(first.Truncated);
            Assert.Equal(["vm-90", "vm-93"], first.Objects.Select(o => o.Obj.Value));
            Assert.All(first.Objects, o => Assert.Equal(ObjectUpdateKind.Enter, o.Kind));
            var rocket = first.Objects[1];
            Assert.Equal("rocket-\U0001F680-vm", rocket.Changes.Single(c => c.Name == "name").Value);
            Assert.Equal("10.13.237.228", rocket.Changes.Single(c => c.Name == "guest.ipAddress").Value);
            var networks = Assert.IsAssignableFrom<IReadOnlyList<object?>>(rocket.Changes.Single(c => c.Name == "network").Value);
            Assert.Equal(new ManagedObjectReference("DistributedVirtualPortgroup", "dvportgroup-81"), networks.Single());
            Assert.Equal("quote\"in'name", first.Objects[0].Changes[0].Value);

            var second = await collector.WaitAsync(options, Ct);
            Assert.NotNull(second);
            Assert.Equal("3", second.Version);
            Assert.False(second.Truncated);
            var modify = second.Objects[0];
            Assert.Equal(ObjectUpdateKind.Modify, modify.Kind);
            Assert.Equal([new PropertyChange("runtime.powerState", PropertyChangeOp.Assign, "poweredOff"), new PropertyChange("guest.ipAddress", PropertyChangeOp.Assign, null)], modify.Changes);
            Assert.Equal(ObjectUpdateKind.Leave, second.Objects[1].Kind);
            Assert.Equal("vm-90", second.Objects[1].Obj.Value);
            Assert.Empty(second.Objects[1].Changes);

            Assert.Null(await collector.WaitAsync(options, Ct));
            Assert.Equal("3", collector.Version);
        }

        var waits = fake.RequestsFor("WaitForUpdatesEx");
        Assert.Equal(["", "1", "3"], waits.Select(r => r.Arg("version") ?? ""));
        var opts = waits[0].Call.Elements().Single(e => e.Name.LocalName == "options");
        Assert.Equal("1", opts.Elements().Single(e => e.Name.LocalName == "maxWaitSeconds").Value);
        Assert.Equal("2", opts.Elements().Single(e => e.Name.LocalName == "maxObjectUpdates").Value);
        Assert.Equal("false", fake.RequestsFor("CreateFilter").Single().Arg("partialUpdates"));
        Assert.Single(fake.RequestsFor("DestroyPropertyCollector"));
    }

    [Fact]
    public async Task A_missingSet_NotAuthenticated_is_a_lost_session_not_data()
    {
        var fake = Collector().On("WaitForUpdatesEx", _ => SoapXml.Ok(ExpiredSet));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using var collector = await client.CreateUpdateCollectorAsync(Spec, Ct);
        await Assert.ThrowsAsync<NotAuthenticatedException>(() => collector.WaitAsync(new WaitOptions { MaxWaitSeconds = 1 }, Ct));
        Assert.Equal(string.Empty, collector.Version);
    }

    [Fact]
    public async Task InvalidCollectorVersion_is_typed_and_Reset_starts_from_the_empty_version()
    {
        var calls = 0;
        var fake = Collector().On("WaitForUpdatesEx", _ => calls++ == 1
            ? SoapXml.Fault("InvalidCollectorVersion", "The collector version is not valid: 1")
            : SoapXml.Ok(EnterSet));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using var collector = await client.CreateUpdateCollectorAsync(Spec, Ct);
        await collector.WaitAsync(new WaitOptions(), Ct);
        await Assert.ThrowsAsync<InvalidCollectorVersionException>(() => collector.WaitAsync(new WaitOptions(), Ct));
        collector.Reset();
        await collector.WaitAsync(new WaitOptions(), Ct);
        Assert.Equal(["", "1", ""], fake.RequestsFor("WaitForUpdatesEx").Select(r => r.Arg("version") ?? ""));
        Assert.Empty(fake.RequestsFor("WaitForUpdatesEx")[0].Call.Elements().Single(e => e.Name.LocalName == "options").Elements());
    }

    [Theory]
    [InlineData("<kind>teleport</kind><obj type=\"VirtualMachine\">vm-1</obj>")]
    [InlineData("<kind>modify</kind><obj type=\"VirtualMachine\">vm-1</obj><changeSet><name>name</name><op>frobnicate</op></changeSet>")]
    [InlineData("<kind>modify</kind>")]
    public async Task A_malformed_update_is_a_protocol_error(string objectUpdate)
    {
        var fake = Collector().On("WaitForUpdatesEx", _ => SoapXml.Ok(
            $"<WaitForUpdatesExResponse xmlns=\"urn:vim25\"><returnval><version>1</version><filterSet><filter type=\"PropertyFilter\">f</filter><objectSet>{objectUpdate}</objectSet></filterSet></returnval></WaitForUpdatesExResponse>"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using var collector = await client.CreateUpdateCollectorAsync(Spec, Ct);
        var error = await Assert.ThrowsAsync<VimProtocolException>(() => collector.WaitAsync(new WaitOptions(), Ct));
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, collector.Version);
    }

    [Fact]
    public async Task Skipping_values_keeps_kinds_objects_paths_and_versions_and_drops_only_the_values()
    {
        var answers = new Queue<string>([EnterSet, ModifyAndLeaveSet]);
        var fake = Collector().On("WaitForUpdatesEx", _ => SoapXml.Ok(answers.Dequeue()));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using var collector = await client.CreateUpdateCollectorAsync(Spec, Ct);
        var options = new WaitOptions { MaxWaitSeconds = 0, SkipValues = true };

        var first = await collector.WaitAsync(options, Ct);
        var second = await collector.WaitAsync(options, Ct);

        Assert.Equal(["vm-90", "vm-93"], first!.Objects.Select(o => o.Obj.Value));
        Assert.Contains(first.Objects[1].Changes, c => c.Name == "guest.ipAddress");
        Assert.All(first.Objects.SelectMany(o => o.Changes), c => Assert.Null(c.Value));
        Assert.Equal(("3", ObjectUpdateKind.Modify, ObjectUpdateKind.Leave), (second!.Version, second.Objects[0].Kind, second.Objects[1].Kind));
        Assert.Equal(["runtime.powerState", "guest.ipAddress"], second.Objects[0].Changes.Select(c => c.Name));
    }

    [Fact]
    public async Task A_skipped_value_that_is_not_well_formed_is_still_a_protocol_error()
    {
        var fake = Collector().On("WaitForUpdatesEx", _ => SoapXml.Ok(
            "<WaitForUpdatesExResponse xmlns=\"urn:vim25\"><returnval><version>1</version><filterSet><filter type=\"PropertyFilter\">f</filter><objectSet>" +
            "<kind>modify</kind><obj type=\"VirtualMachine\">vm-1</obj><changeSet><name>name</name><op>assign</op><val><a></b></val></changeSet>" +
            "</objectSet></filterSet></returnval></WaitForUpdatesExResponse>"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await using var collector = await client.CreateUpdateCollectorAsync(Spec, Ct);

        await Assert.ThrowsAnyAsync<VimException>(() => collector.WaitAsync(new WaitOptions { SkipValues = true }, Ct));
        Assert.Equal(string.Empty, collector.Version);
    }
}
