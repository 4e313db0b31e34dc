using VcSync.Inventory;
using VcSync.Vim.PropertyCollector;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Inventory;

public class PropertySpecTests
{
    private static IReadOnlyList<string> Paths(IReadOnlyList<PropertySpec> specs, string type) =>
        specs.Single(s => s.Type == type).PathSet;

    [Theory]
    [InlineData("6.5")]
    [InlineData("6.0")]
    [InlineData("5.5.0")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("garbage")]
    public void Before_6_7_hosts_are_not_asked_for_serialNumber(string? version)
    {
        var host = Paths(InventoryPropertySpecs.ForApiVersion(version), "HostSystem");
        Assert.DoesNotContain("hardware.systemInfo.serialNumber", host);
        Assert.Contains("hardware.systemInfo.otherIdentifyingInfo", host);
    }

    [Theory]
    [InlineData("6.7")]
    [InlineData("6.7.3")]
    [InlineData("7.0.3.0")]
    [InlineData("8.0.2.0")]
    [InlineData("8.0.3.0U")]
    public void From_6_7_hosts_are_asked_for_serialNumber(string version)
    {
        var host = Paths(InventoryPropertySpecs.ForApiVersion(version), "HostSystem");
        Assert.Contains("hardware.systemInfo.serialNumber", host);
        Assert.Contains("hardware.systemInfo.otherIdentifyingInfo", host);
    }

    [Theory]
    [InlineData("6.5")]
    [InlineData("8.0.2.0")]
    public void Portgroups_ask_defaultPortConfig_never_its_vlan(string version)
    {
        var specs = InventoryPropertySpecs.ForApiVersion(version);
        Assert.DoesNotContain(specs.SelectMany(s => s.PathSet), p => p.StartsWith("config.defaultPortConfig.", StringComparison.Ordinal));
        var dvpg = Paths(specs, "DistributedVirtualPortgroup");
        Assert.Contains("config.defaultPortConfig", dvpg);
        Assert.Contains("config.distributedVirtualSwitch", dvpg);
        Assert.Contains("config.uplink", dvpg);
    }

    [Fact]
    public void The_paths_per_type_are_exactly_what_the_contract_needs()
    {
        var specs = InventoryPropertySpecs.ForApiVersion("8.0.2.0");
        Assert.Equal(
            ["Folder", "Datacenter", "ComputeResource", "ResourcePool", "ClusterComputeResource", "HostSystem", "VirtualMachine",
             "Datastore", "Network", "DistributedVirtualPortgroup", "DistributedVirtualSwitch"],
            specs.Select(s => s.Type));
        Assert.Equal(
            ["name", "config.uuid", "config.hardware.numCPU", "config.hardware.memoryMB", "config.template", "runtime.powerState",
             "runtime.host", "guest.ipAddress", "guest.toolsStatus", "guest.toolsVersionStatus", "summary.config.guestFullName",
             "summary.storage.uncommitted", "parent", "resourcePool", "config.annotation", "config.version", "config.firmware",
             "runtime.connectionState", "runtime.bootTime", "guest.hostName", "guest.guestState", "config.guestId", "guest.guestId",
             "guest.guestFullName", "guest.toolsVersion", "guest.toolsRunningStatus", "guest.net", "guest.disk",
             "config.hardware.numCoresPerSocket", "summary.storage.committed", "summary.storage.unshared", "config.cpuAllocation",
             "config.memoryAllocation", "config.hardware.device", "snapshot", "customValue", "config.bootOptions.efiSecureBootEnabled",
             "config.createDate"],
            Paths(specs, "VirtualMachine"));
        Assert.Equal(
            ["name", "parent", "hardware.systemInfo.otherIdentifyingInfo", "config.product.version", "config.product.build",
             "runtime.connectionState", "runtime.inMaintenanceMode", "summary.hardware.vendor", "summary.hardware.model",
             "summary.hardware.cpuModel", "summary.hardware.cpuMhz", "summary.hardware.numCpuPkgs", "summary.hardware.numCpuCores",
             "summary.hardware.numCpuThreads", "summary.hardware.memorySize", "summary.hardware.numNics", "summary.hardware.numHBAs",
             "hardware.biosInfo", "runtime.bootTime", "config.network.portgroup", "hardware.systemInfo.serialNumber"],
            Paths(specs, "HostSystem"));
        Assert.Equal(
            ["name", "summary.totalCpu", "summary.effectiveCpu", "summary.totalMemory", "summary.effectiveMemory", "summary.numHosts",
             "summary.numEffectiveHosts", "summary.overallStatus", "configuration.dasConfig.enabled", "configuration.drsConfig.enabled",
             "configuration.drsConfig.defaultVmBehavior", "parent"],
            Paths(specs, "ClusterComputeResource"));
        Assert.Equal(
            ["name", "summary.type", "summary.capacity", "summary.freeSpace", "summary.accessible", "summary.maintenanceMode", "host", "vm",
             "parent", "summary.url", "summary.uncommitted"],
            Paths(specs, "Datastore"));
        Assert.Equal(["name", "host", "vm", "parent"], Paths(specs, "Network"));
        Assert.Equal(["name", "uuid"], Paths(specs, "DistributedVirtualSwitch"));
        Assert.Equal(["name", "parent"], Paths(specs, "Folder"));
        Assert.Equal(["name", "parent"], Paths(specs, "Datacenter"));
        Assert.Equal(["name", "parent"], Paths(specs, "ComputeResource"));
        Assert.Equal(["name"], Paths(specs, "ResourcePool"));
    }

    [Theory]
    [InlineData("6.0", false, false)]
    [InlineData("6.5", true, false)]
    [InlineData("6.7.3", true, true)]
    [InlineData("8.0.2.0", true, true)]
    [InlineData(null, false, false)]
    public void Vm_paths_follow_the_api_version(string? version, bool secureBoot, bool createDate)
    {
        var vm = Paths(InventoryPropertySpecs.ForApiVersion(version), "VirtualMachine");
        Assert.Equal(secureBoot, vm.Contains("config.bootOptions.efiSecureBootEnabled"));
        Assert.Equal(createDate, vm.Contains("config.createDate"));
        Assert.Contains("config.hardware.device", vm);
        Assert.Contains("snapshot", vm);
    }

    [Fact]
    public void Devices_are_trimmed_to_nics_disks_and_controllers_and_guest_nics_to_their_addresses()
    {
        var devices = Assert.Single(InventoryPropertySpecs.ValueFilters, f => f.Path == "config.hardware.device");
        Assert.NotNull(devices.KeepItem);
        foreach (var kept in new[] { "VirtualVmxnet3", "VirtualE1000e", "VirtualE1000", "VirtualDisk", "ParaVirtualSCSIController", "VirtualLsiLogicSASController", "VirtualNVMEController", "VirtualAHCIController", "VirtualIDEController" })
        {
            Assert.True(devices.KeepItem(kept), kept);
        }

        foreach (var skipped in new[] { "VirtualKeyboard", "VirtualPointingDevice", "VirtualMachineVideoCard", "VirtualMachineVMCIDevice", "VirtualCdrom", "VirtualPCIController", "VirtualPS2Controller", "VirtualSIOController", "VirtualUSBController", "VirtualFloppy" })
        {
            Assert.False(devices.KeepItem(skipped), skipped);
        }

        var net = Assert.Single(InventoryPropertySpecs.ValueFilters, f => f.Path == "guest.net");
        Assert.Null(net.KeepItem);
        Assert.Contains("ipConfig", (IReadOnlySet<string>)net.SkipFields!);
        Assert.DoesNotContain("ipAddress", (IReadOnlySet<string>)net.SkipFields!);
    }

    [Fact]
    public void A_portgroup_gets_the_union_of_its_and_the_Network_paths_each_once()
    {
        var specs = InventoryPropertySpecs.ForApiVersion("7.0.3.0");
        var dvpg = Paths(specs, "DistributedVirtualPortgroup");
        Assert.Subset(dvpg.ToHashSet(), Paths(specs, "Network").ToHashSet());
        Assert.Equal(dvpg.Count, dvpg.Distinct().Count());
        foreach (var spec in specs)
        {
            Assert.Equal(spec.PathSet.Count, spec.PathSet.Distinct().Count());
        }
    }

    [Fact]
    public void The_container_view_covers_every_inventory_type()
    {
        Assert.Equal(
            ["ClusterComputeResource", "HostSystem", "VirtualMachine", "Datastore", "Network", "DistributedVirtualPortgroup", "DistributedVirtualSwitch",
             "Folder", "Datacenter", "ComputeResource", "ResourcePool"],
            InventoryPropertySpecs.ContainerViewTypes);
    }

    [Fact]
    public void The_inventory_filter_walks_the_view_and_reads_the_root_folders_alarms()
    {
        var view = Ref("ContainerView", "session[1]view-1");
        var root = Ref("Folder", "group-d1");
        var filter = InventoryPropertySpecs.InventoryFilter(view, "8.0.2.0", root);

        Assert.Equal(2, filter.ObjectSet.Count);
        var viewSpec = filter.ObjectSet[0];
        Assert.Equal(view, viewSpec.Obj);
        Assert.True(viewSpec.Skip);
        var traversal = Assert.IsType<TraversalSpec>(Assert.Single(viewSpec.SelectSet));
        Assert.Equal("ContainerView", traversal.Type);
        Assert.Equal("view", traversal.Path);
        Assert.False(traversal.Skip);
        Assert.False(string.IsNullOrEmpty(traversal.Name));
        Assert.Empty(traversal.SelectSet);

        var rootSpec = filter.ObjectSet[1];
        Assert.Equal(root, rootSpec.Obj);
        Assert.False(rootSpec.Skip);
        Assert.Empty(rootSpec.SelectSet);

        // The folders of the view come with their names; the server adds the alarms to the root folder's.
        var folders = filter.PropSet.Where(p => p.Type == "Folder").ToList();
        Assert.Equal(2, folders.Count);
        Assert.Equal(["name", "parent"], folders[0].PathSet);
        Assert.Equal(["triggeredAlarmState"], folders[1].PathSet);
        Assert.Equal(InventoryPropertySpecs.ForApiVersion("8.0.2.0"), filter.PropSet.Take(filter.PropSet.Count - 1), new SpecComparer());
    }

    [Fact]
    public void Without_a_root_folder_the_filter_has_no_alarms()
    {
        var filter = InventoryPropertySpecs.InventoryFilter(Ref("ContainerView", "v"), "6.5", null);
        Assert.Single(filter.ObjectSet);
        Assert.DoesNotContain(filter.PropSet, p => p.PathSet.Contains("triggeredAlarmState"));
    }

    [Theory]
    [InlineData("6.5")]
    [InlineData("6.7.3")]
    [InlineData("8.0.2.0")]
    public void The_legacy_per_type_filters_carry_the_same_properties_as_the_combined_one(string version)
    {
        var views = new Dictionary<string, string>();
        var filters = InventoryPropertySpecs.PerTypeFilters(t => Ref("ContainerView", views[t] = "view-" + t), version);
        var combined = InventoryPropertySpecs.InventoryFilter(Ref("ContainerView", "all"), version, null);

        Assert.All(filters, f => Assert.Single(f.PropSet));
        Assert.Equal(combined.PropSet, filters.Select(f => f.PropSet[0]), new SpecComparer());
        foreach (var filter in filters)
        {
            var objectSpec = Assert.Single(filter.ObjectSet);
            Assert.Equal("view-" + filter.PropSet[0].Type, objectSpec.Obj.Value);
            Assert.True(objectSpec.Skip);
            Assert.Equal("view", Assert.IsType<TraversalSpec>(Assert.Single(objectSpec.SelectSet)).Path);
        }

        // Network before the portgroups, so that the portgroup's full content comes last.
        var types = filters.Select(f => f.PropSet[0].Type).ToList();
        Assert.True(types.IndexOf("Network") < types.IndexOf("DistributedVirtualPortgroup"));
    }

    [Fact]
    public void The_legacy_alarm_filter_reads_the_root_folder()
    {
        var filter = InventoryPropertySpecs.TriggeredAlarmFilter(Ref("Folder", "group-d1"));
        Assert.Equal(["triggeredAlarmState"], Assert.Single(filter.PropSet).PathSet);
        Assert.False(Assert.Single(filter.ObjectSet).Skip);
    }

    [Fact]
    public void The_alarm_name_filter_has_one_object_per_distinct_alarm()
    {
        var filter = InventoryPropertySpecs.AlarmNameFilter(
            [Ref("Alarm", "alarm-1"), Ref("Alarm", "alarm-2"), Ref("Alarm", "alarm-1")]);
        Assert.NotNull(filter);
        var spec = Assert.Single(filter.PropSet);
        Assert.Equal("Alarm", spec.Type);
        Assert.Equal(["info.name"], spec.PathSet);
        Assert.Equal(["alarm-1", "alarm-2"], filter.ObjectSet.Select(o => o.Obj.Value));
        Assert.All(filter.ObjectSet, o => Assert.False(o.Skip));
        Assert.All(filter.ObjectSet, o => Assert.Empty(o.SelectSet));
        Assert.Null(InventoryPropertySpecs.AlarmNameFilter([]));
    }

    [Theory]
    [InlineData("6.5", 6, 5, 0, 0)]
    [InlineData("6.7.3", 6, 7, 3, 0)]
    [InlineData("7.0.3.0", 7, 0, 3, 0)]
    [InlineData("8.0.2.0", 8, 0, 2, 0)]
    [InlineData(" 8 ", 8, 0, 0, 0)]
    public void Api_versions_parse(string text, int major, int minor, int patch, int revision)
    {
        Assert.True(ApiVersion.TryParse(text, out var version));
        Assert.Equal(new ApiVersion(major, minor, patch, revision), version);
        Assert.True(new ApiVersion(6, 7) > new ApiVersion(6, 5, 9));
        Assert.True(new ApiVersion(6, 7, 3) >= ApiVersion.V67);
    }

    private sealed class SpecComparer : IEqualityComparer<PropertySpec>
    {
        public bool Equals(PropertySpec? x, PropertySpec? y) =>
            x is not null && y is not null && x.Type == y.Type && x.PathSet.SequenceEqual(y.PathSet);

        public int GetHashCode(PropertySpec obj) => obj.Type.GetHashCode(StringComparison.Ordinal);
    }
}
