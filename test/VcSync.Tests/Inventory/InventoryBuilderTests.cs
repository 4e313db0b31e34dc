using VcSync.Inventory;
using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Inventory;

public class InventoryBuilderTests
{
    private static InventorySnapshot Build(params ObjectContent[] contents)
    {
        var builder = new InventoryBuilder();
        foreach (var content in contents)
        {
            builder.Add(content);
        }

        return builder.Build();
    }

    private static ObjectContent Cluster(string moref, string name) =>
        Obj("ClusterComputeResource", moref, ("name", name));

    private static ObjectContent Host(string moref, string name, ManagedObjectReference? parent) =>
        Obj("HostSystem", moref, ("name", name), ("parent", parent));

    private static ObjectContent Vm(string moref, string name, string? host) =>
        Obj("VirtualMachine", moref, ("name", name), ("runtime.host", host is null ? null : Ref("HostSystem", host)));

    [Fact]
    public void Cluster_columns()
    {
        var snapshot = Build(Obj("ClusterComputeResource", "domain-c7",
            ("name", "Prod Cluster "),
            ("summary.totalCpu", 96000),
            ("summary.effectiveCpu", 90000),
            ("summary.totalMemory", 1099511627776L),
            ("summary.effectiveMemory", 1000000L),
            ("summary.numHosts", (short)4),
            ("summary.numEffectiveHosts", 3),
            ("summary.overallStatus", "green"),
            ("configuration.dasConfig.enabled", true),
            ("configuration.drsConfig.enabled", false),
            ("configuration.drsConfig.defaultVmBehavior", "fullyAutomated")));

        var c = Assert.Single(snapshot.Clusters);
        Assert.Equal(new ClusterRecord
        {
            Moref = "domain-c7",
            Name = "Prod Cluster ",
            TotalCpuMhz = 96000,
            EffectiveCpuMhz = 90000,
            TotalMemoryBytes = 1099511627776L,
            EffectiveMemoryMb = 1000000L,
            NumHosts = 4,
            NumEffectiveHosts = 3,
            OverallStatus = "green",
            HaEnabled = true,
            DrsEnabled = false,
            DrsBehavior = "fullyAutomated",
        }, c);
        Assert.Equal(1, snapshot.TotalObjects);
    }

    [Fact]
    public void Unset_cluster_values_stay_null()
    {
        var c = Assert.Single(Build(Cluster("domain-c7", "C")).Clusters);
        Assert.Equal(new ClusterRecord { Moref = "domain-c7", Name = "C" }, c);
    }

    [Fact]
    public void Host_columns_with_cluster()
    {
        var snapshot = Build(
            Obj("HostSystem", "host-10",
                ("name", "esx01.example.com"),
                ("parent", Ref("ClusterComputeResource", "domain-c7")),
                ("hardware.systemInfo.serialNumber", " 7XK9Q2 "),
                ("hardware.systemInfo.otherIdentifyingInfo", List(IdInfo("ServiceTag", "OTHER"))),
                ("config.product.version", "8.0.2"),
                ("config.product.build", "22380479"),
                ("runtime.connectionState", "connected"),
                ("runtime.inMaintenanceMode", false)),
            Cluster("domain-c7", "Prod"));

        Assert.Equal(new HostRecord
        {
            Moref = "host-10",
            Name = "esx01.example.com",
            ClusterMoref = "domain-c7",
            ClusterName = "Prod",
            SerialNumber = "7XK9Q2",
            EsxiVersion = "8.0.2",
            EsxiBuild = "22380479",
            ConnectionState = "connected",
            InMaintenanceMode = false,
        }, Assert.Single(snapshot.Hosts));
    }

    [Fact]
    public void A_standalone_host_has_no_cluster()
    {
        var snapshot = Build(Host("host-20", "esx-standalone", Ref("ComputeResource", "domain-s19")));
        var h = Assert.Single(snapshot.Hosts);
        Assert.Null(h.ClusterMoref);
        Assert.Null(h.ClusterName);
    }

    [Fact]
    public void Host_serial_falls_back_to_the_ServiceTag_and_never_the_enclosure()
    {
        var snapshot = Build(
            Obj("HostSystem", "host-1", ("name", "a"),
                ("hardware.systemInfo.otherIdentifyingInfo", List(IdInfo("EnclosureSerialNumberTag", "CHASSIS"), IdInfo("ServiceTag", "BLADE1")))),
            Obj("HostSystem", "host-2", ("name", "b"), ("hardware.systemInfo.serialNumber", "Not Specified"),
                ("hardware.systemInfo.otherIdentifyingInfo", List(IdInfo("EnclosureSerialNumberTag", "CHASSIS")))),
            Obj("HostSystem", "host-3", ("name", "c"), ("hardware.systemInfo.serialNumber", "...")));
        Assert.Equal(["BLADE1", null, null], snapshot.Hosts.Select(h => h.SerialNumber));
    }

    [Fact]
    public void Vm_columns_resolved_through_host_and_cluster_whatever_the_page_order()
    {
        var vm = Obj("VirtualMachine", "vm-42",
            ("name", "web01"),
            ("config.uuid", "420c1c5e-0000-0000-0000-000000000001"),
            ("config.hardware.numCPU", 4),
            ("config.hardware.memoryMB", 8192),
            ("config.template", false),
            ("runtime.powerState", "poweredOn"),
            ("runtime.host", Ref("HostSystem", "host-10")),
            ("guest.ipAddress", "10.0.0.5"),
            ("guest.toolsStatus", "toolsOk"),
            ("guest.toolsVersionStatus", "guestToolsCurrent"),
            ("summary.config.guestFullName", "Ubuntu Linux (64-bit)"),
            ("summary.storage.uncommitted", 123456789012L));
        var host = Host("host-10", "esx01", Ref("ClusterComputeResource", "domain-c7"));
        var cluster = Cluster("domain-c7", "Prod");
        var expected = new VmRecord
        {
            Moref = "vm-42",
            Name = "web01",
            VmUuid = "420c1c5e-0000-0000-0000-000000000001",
            CpuCount = 4,
            MemoryMb = 8192,
            IsTemplate = false,
            PowerState = "poweredOn",
            HostMoref = "host-10",
            HostName = "esx01",
            ClusterName = "Prod",
            IpAddress = "10.0.0.5",
            ToolsStatus = "toolsOk",
            ToolsVersionStatus = "guestToolsCurrent",
            GuestOs = "Ubuntu Linux (64-bit)",
            DiskUncommittedBytes = 123456789012L,
        };

        Assert.Equal(expected, Assert.Single(Build(vm, host, cluster).Vms));
        Assert.Equal(expected, Assert.Single(Build(cluster, vm, host).Vms));
        Assert.Equal(expected, Assert.Single(Build(host, cluster, vm).Vms));
    }

    [Fact]
    public void A_powered_off_vm_without_guest_values_keeps_them_null()
    {
        var snapshot = Build(Obj("VirtualMachine", "vm-1", ("name", "off"), ("runtime.powerState", "poweredOff")));
        Assert.Equal(new VmRecord { Moref = "vm-1", Name = "off", PowerState = "poweredOff" }, Assert.Single(snapshot.Vms));
    }

    [Fact]
    public void A_vm_on_a_standalone_host_has_a_host_name_and_no_cluster()
    {
        var snapshot = Build(Vm("vm-1", "v", "host-20"), Host("host-20", "esx-s", Ref("ComputeResource", "domain-s19")));
        var v = Assert.Single(snapshot.Vms);
        Assert.Equal("esx-s", v.HostName);
        Assert.Null(v.ClusterName);
    }

    [Fact]
    public void A_vm_whose_host_is_not_in_the_result_keeps_the_moref_only()
    {
        var v = Assert.Single(Build(Vm("vm-1", "v", "host-99")).Vms);
        Assert.Equal("host-99", v.HostMoref);
        Assert.Null(v.HostName);
        Assert.Null(v.ClusterName);
    }

    [Fact]
    public void Datastore_columns_and_host_mounts()
    {
        var snapshot = Build(Obj("Datastore", "datastore-11",
            ("name", "vsanDatastore"),
            ("summary.type", "vsan"),
            ("summary.capacity", 10995116277760L),
            ("summary.freeSpace", 5497558138880L),
            ("summary.accessible", true),
            ("summary.maintenanceMode", "normal"),
            ("host", List(Mount("host-10"), Mount("host-11"), Mount("host-12"))),
            ("vm", List(Ref("VirtualMachine", "vm-1"), Ref("VirtualMachine", "vm-2")))));

        Assert.Equal(new DatastoreRecord
        {
            Moref = "datastore-11",
            Name = "vsanDatastore",
            Type = "vsan",
            CapacityBytes = 10995116277760L,
            FreeBytes = 5497558138880L,
            Accessible = true,
            MaintenanceMode = "normal",
            HostCount = 3,
            VmCount = 2,
        }, Assert.Single(snapshot.Datastores));
        Assert.Equal(
            [new DatastoreHostRecord("datastore-11", "host-10"), new DatastoreHostRecord("datastore-11", "host-11"), new DatastoreHostRecord("datastore-11", "host-12")],
            snapshot.DatastoreHosts);
    }

    [Fact]
    public void A_datastore_without_mounts_or_vms_counts_zero()
    {
        var snapshot = Build(Obj("Datastore", "ds-1", ("name", "empty")));
        var ds = Assert.Single(snapshot.Datastores);
        Assert.Equal(0, ds.HostCount);
        Assert.Equal(0, ds.VmCount);
        Assert.Null(ds.CapacityBytes);
        Assert.Empty(snapshot.DatastoreHosts);
    }

    [Fact]
    public void A_single_mount_not_in_a_list_is_accepted()
    {
        var snapshot = Build(Obj("Datastore", "ds-1", ("name", "local"), ("host", Mount("host-1")), ("vm", Ref("VirtualMachine", "vm-1"))));
        var ds = Assert.Single(snapshot.Datastores);
        Assert.Equal(1, ds.HostCount);
        Assert.Equal(1, ds.VmCount);
        Assert.Equal(new DatastoreHostRecord("ds-1", "host-1"), Assert.Single(snapshot.DatastoreHosts));
    }

    [Fact]
    public void Standard_network_columns()
    {
        var snapshot = Build(Obj("Network", "network-5", ("name", "VM Network"),
            ("host", List(Ref("HostSystem", "host-1"), Ref("HostSystem", "host-2"))),
            ("vm", List(Ref("VirtualMachine", "vm-1")))));
        Assert.Equal(new NetworkRecord
        {
            Moref = "network-5",
            Name = "VM Network",
            NetworkType = "standard",
            HostCount = 2,
            VmCount = 1,
        }, Assert.Single(snapshot.Networks));
    }

    [Fact]
    public void An_opaque_network_is_opaque()
    {
        var n = Assert.Single(Build(Obj("OpaqueNetwork", "network-o1", ("name", "nsx-seg"))).Networks);
        Assert.Equal("opaque", n.NetworkType);
        Assert.Null(n.VlanType);
        Assert.Null(n.DvsMoref);
        Assert.False(n.IsUplink);
    }

    [Fact]
    public void Distributed_portgroup_columns_with_switch_name()
    {
        var snapshot = Build(
            Obj("DistributedVirtualPortgroup", "dvportgroup-30",
                ("name", "PG-100"),
                ("host", List(Ref("HostSystem", "host-1"))),
                ("vm", List(Ref("VirtualMachine", "vm-1"), Ref("VirtualMachine", "vm-2"), Ref("VirtualMachine", "vm-3"))),
                ("config.distributedVirtualSwitch", Ref("VmwareDistributedVirtualSwitch", "dvs-21")),
                ("config.uplink", false),
                ("config.defaultPortConfig", PortSetting(VlanId(100)))),
            Obj("VmwareDistributedVirtualSwitch", "dvs-21", ("name", "DSwitch-Prod")));

        Assert.Equal(new NetworkRecord
        {
            Moref = "dvportgroup-30",
            Name = "PG-100",
            NetworkType = "distributed",
            DvsMoref = "dvs-21",
            DvsName = "DSwitch-Prod",
            IsUplink = false,
            VlanType = "vlan",
            VlanId = 100,
            HostCount = 1,
            VmCount = 3,
        }, Assert.Single(snapshot.Networks));
        Assert.Equal(2, snapshot.TotalObjects);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public void Uplink_flag_unset_means_false(bool? uplink, bool expected)
    {
        var props = new List<(string, object?)> { ("name", "DSwitch-DVUplinks") };
        if (uplink is not null)
        {
            props.Add(("config.uplink", uplink));
        }

        var n = Assert.Single(Build(Obj("DistributedVirtualPortgroup", "dvportgroup-1", [.. props])).Networks);
        Assert.Equal(expected, n.IsUplink);
    }

    [Fact]
    public void Each_vlan_kind_on_a_portgroup()
    {
        var snapshot = Build(
            Obj("DistributedVirtualPortgroup", "pg-none", ("name", "a"), ("config.defaultPortConfig", PortSetting(VlanId(0)))),
            Obj("DistributedVirtualPortgroup", "pg-vlan", ("name", "b"), ("config.defaultPortConfig", PortSetting(VlanId(4094)))),
            Obj("DistributedVirtualPortgroup", "pg-trunk", ("name", "c"),
                ("config.defaultPortConfig", PortSetting(Trunk(List(Range(100, 199), Range(300, 300), Range(1009, 1019)))))),
            Obj("DistributedVirtualPortgroup", "pg-pvlan", ("name", "d"), ("config.defaultPortConfig", PortSetting(Pvlan(11)))),
            Obj("DistributedVirtualPortgroup", "pg-unset", ("name", "e")));

        var byMoref = snapshot.Networks.ToDictionary(n => n.Moref);
        Assert.Equal(("none", (int?)0, (string?)null), (byMoref["pg-none"].VlanType, byMoref["pg-none"].VlanId, byMoref["pg-none"].VlanRanges));
        Assert.Equal(("vlan", (int?)4094, (string?)null), (byMoref["pg-vlan"].VlanType, byMoref["pg-vlan"].VlanId, byMoref["pg-vlan"].VlanRanges));
        Assert.Equal(("trunk", (int?)null, "100-199,300,1009-1019"), (byMoref["pg-trunk"].VlanType, byMoref["pg-trunk"].VlanId, byMoref["pg-trunk"].VlanRanges));
        Assert.Equal(("pvlan", (int?)11, (string?)null), (byMoref["pg-pvlan"].VlanType, byMoref["pg-pvlan"].VlanId, byMoref["pg-pvlan"].VlanRanges));
        Assert.Null(byMoref["pg-unset"].VlanType);
        Assert.Null(byMoref["pg-unset"].VlanId);
    }

    [Fact]
    public void A_standard_network_never_gets_distributed_columns_even_if_sent_them()
    {
        var n = Assert.Single(Build(Obj("Network", "network-1", ("name", "x"),
            ("config.distributedVirtualSwitch", Ref("VmwareDistributedVirtualSwitch", "dvs-1")),
            ("config.uplink", true),
            ("config.defaultPortConfig", PortSetting(VlanId(5))))).Networks);
        Assert.Equal(new NetworkRecord { Moref = "network-1", Name = "x", NetworkType = "standard" }, n);
    }

    [Fact]
    public void A_portgroup_sent_twice_appears_once_as_distributed_with_the_last_content()
    {
        // Legacy mode: the Network retrieval returns the portgroup with the Network paths, the portgroup retrieval
        // then returns it in full.
        var partial = Obj("DistributedVirtualPortgroup", "dvportgroup-30", ("name", "PG"), ("host", List()), ("vm", List()));
        var full = Obj("DistributedVirtualPortgroup", "dvportgroup-30", ("name", "PG"), ("host", List()), ("vm", List()),
            ("config.distributedVirtualSwitch", Ref("VmwareDistributedVirtualSwitch", "dvs-1")),
            ("config.defaultPortConfig", PortSetting(VlanId(7))));
        var snapshot = Build(partial, full);

        var n = Assert.Single(snapshot.Networks);
        Assert.Equal("distributed", n.NetworkType);
        Assert.Equal("dvs-1", n.DvsMoref);
        Assert.Equal(7, n.VlanId);
        Assert.Equal(1, snapshot.TotalObjects);
    }

    [Fact]
    public void Duplicates_across_pages_keep_the_last_and_count_once()
    {
        var snapshot = Build(
            Vm("vm-1", "old name", "host-1"),
            Host("host-1", "esx1", null),
            Vm("vm-1", "new name", "host-1"),
            Host("host-1", "esx1", null));
        var v = Assert.Single(snapshot.Vms);
        Assert.Equal("new name", v.Name);
        Assert.Single(snapshot.Hosts);
        Assert.Equal(2, snapshot.TotalObjects);
    }

    [Fact]
    public void Total_objects_count_every_object_returned_switches_and_places_included()
    {
        var snapshot = Build(
            Cluster("c1", "C"),
            Host("h1", "H", Ref("ClusterComputeResource", "c1")),
            Vm("v1", "V1", "h1"),
            Vm("v2", "V2", "h1"),
            Obj("Datastore", "ds1", ("name", "DS")),
            Obj("Network", "n1", ("name", "N")),
            Obj("DistributedVirtualPortgroup", "pg1", ("name", "PG")),
            Obj("OpaqueNetwork", "o1", ("name", "O")),
            Obj("VmwareDistributedVirtualSwitch", "dvs1", ("name", "S")),
            Obj("Folder", "group-d1"),
            Obj("Datacenter", "datacenter-1", ("name", "DC")));
        Assert.Equal(11, snapshot.TotalObjects);
        Assert.Equal(3, snapshot.Networks.Count);
    }

    [Fact]
    public void Names_are_kept_exactly_as_returned()
    {
        var snapshot = Build(Vm("vm-1", "  spaced  name\t", null), Host("host-1", " esx ", null));
        Assert.Equal("  spaced  name\t", Assert.Single(snapshot.Vms).Name);
        Assert.Equal(" esx ", Assert.Single(snapshot.Hosts).Name);
    }

    [Fact]
    public void Integers_convert_between_widths_and_out_of_range_reads_as_null()
    {
        var snapshot = Build(
            Obj("VirtualMachine", "vm-1", ("name", "a"), ("config.hardware.numCPU", 8L), ("config.hardware.memoryMB", 5_000_000_000L),
                ("summary.storage.uncommitted", 42)),
            Obj("ClusterComputeResource", "c1", ("name", "c"), ("summary.totalCpu", 3_000_000_000L), ("summary.totalMemory", 1024),
                ("summary.effectiveMemory", 2048)));
        var v = Assert.Single(snapshot.Vms);
        Assert.Equal(8, v.CpuCount);
        Assert.Null(v.MemoryMb);
        Assert.Equal(42L, v.DiskUncommittedBytes);
        var c = Assert.Single(snapshot.Clusters);
        Assert.Null(c.TotalCpuMhz);
        Assert.Equal(1024L, c.TotalMemoryBytes);
        Assert.Equal(2048L, c.EffectiveMemoryMb);
    }

    [Fact]
    public void Values_of_the_wrong_type_read_as_null_without_exception()
    {
        var wrong = Data("Whatever", ("x", 1));
        var snapshot = Build(
            Obj("VirtualMachine", "vm-1", ("name", 42), ("config.uuid", 7), ("config.hardware.numCPU", "4"),
                ("config.hardware.memoryMB", 1.5), ("config.template", "false"), ("runtime.powerState", wrong),
                ("runtime.host", "host-1"), ("guest.ipAddress", List("10.0.0.1")), ("guest.toolsStatus", true),
                ("guest.toolsVersionStatus", null), ("summary.config.guestFullName", Ref("X", "y")),
                ("summary.storage.uncommitted", "12")),
            Obj("HostSystem", "host-1", ("name", "h"), ("parent", "domain-c7"), ("hardware.systemInfo.serialNumber", 123),
                ("hardware.systemInfo.otherIdentifyingInfo", "ServiceTag"), ("config.product.version", 8),
                ("runtime.inMaintenanceMode", 0)),
            Obj("ClusterComputeResource", "c1", ("summary.totalCpu", "lots"), ("configuration.dasConfig.enabled", 1),
                ("summary.overallStatus", 3)),
            Obj("Datastore", "ds-1", ("name", "d"), ("summary.capacity", "big"), ("summary.accessible", "yes"),
                ("host", List("host-1", 5, Data("DatastoreHostMount", ("key", "host-1")))), ("vm", null)),
            Obj("DistributedVirtualPortgroup", "pg-1", ("name", "p"), ("config.distributedVirtualSwitch", "dvs-1"),
                ("config.uplink", "true"), ("config.defaultPortConfig", List(1, 2)), ("host", 5)),
            Obj("VmwareDistributedVirtualSwitch", "dvs-1", ("name", wrong)),
            Obj("Folder", "group-d1", ("triggeredAlarmState", List("x", Data("AlarmState", ("key", 5)), null))));

        var v = Assert.Single(snapshot.Vms);
        Assert.Equal(new VmRecord { Moref = "vm-1", Name = "" }, v);
        var h = Assert.Single(snapshot.Hosts);
        Assert.Equal(new HostRecord { Moref = "host-1", Name = "h" }, h);
        var c = Assert.Single(snapshot.Clusters);
        Assert.Null(c.TotalCpuMhz);
        Assert.Null(c.HaEnabled);
        Assert.Null(c.OverallStatus);
        var ds = Assert.Single(snapshot.Datastores);
        Assert.Null(ds.CapacityBytes);
        Assert.Null(ds.Accessible);
        Assert.Equal(3, ds.HostCount);
        Assert.Empty(snapshot.DatastoreHosts);
        var pg = Assert.Single(snapshot.Networks);
        Assert.Null(pg.DvsMoref);
        Assert.False(pg.IsUplink);
        Assert.Null(pg.VlanType);
        Assert.Equal(1, pg.HostCount);
        Assert.NotNull(snapshot.Alarms);
        Assert.Empty(snapshot.Alarms);
    }

    [Fact]
    public void Properties_not_asked_for_are_ignored()
    {
        var v = Assert.Single(Build(Obj("VirtualMachine", "vm-1", ("name", "a"), ("summary.quickStats.overallCpuUsage", 5))).Vms);
        Assert.Equal(new VmRecord { Moref = "vm-1", Name = "a" }, v);
    }

    [Fact]
    public void Many_vms_map_with_their_hosts()
    {
        var builder = new InventoryBuilder();
        for (var i = 0; i < 45_000; i++)
        {
            builder.Add(Vm("vm-" + i, "vm" + i, "host-" + (i % 100)));
        }

        for (var h = 0; h < 100; h++)
        {
            builder.Add(Host("host-" + h, "esx" + h, Ref("ClusterComputeResource", "c" + (h % 5))));
        }

        for (var c = 0; c < 5; c++)
        {
            builder.Add(Cluster("c" + c, "cluster" + c));
        }

        var snapshot = builder.Build();
        Assert.Equal(45_000, snapshot.Vms.Count);
        Assert.Equal(45_105, snapshot.TotalObjects);
        Assert.All(snapshot.Vms, v => Assert.NotNull(v.ClusterName));
        var vm = snapshot.Vms.Single(v => v.Moref == "vm-123");
        Assert.Equal("esx23", vm.HostName);
        Assert.Equal("cluster3", vm.ClusterName);
    }

    [Fact]
    public void Legacy_per_type_retrievals_map_like_the_combined_one()
    {
        var cluster = Cluster("c1", "C");
        var host = Obj("HostSystem", "h1", ("name", "H"), ("parent", Ref("ClusterComputeResource", "c1")),
            ("hardware.systemInfo.otherIdentifyingInfo", List(IdInfo("ServiceTag", "TAG1"))));
        var vm = Vm("v1", "V", "h1");
        var ds = Obj("Datastore", "ds1", ("name", "DS"), ("host", List(Mount("h1"))), ("vm", List(Ref("VirtualMachine", "v1"))));
        var net = Obj("Network", "n1", ("name", "N"), ("host", List(Ref("HostSystem", "h1"))), ("vm", List()));
        var pgAsNetwork = Obj("DistributedVirtualPortgroup", "pg1", ("name", "PG"), ("host", List(Ref("HostSystem", "h1"))), ("vm", List()));
        var pg = Obj("DistributedVirtualPortgroup", "pg1", ("name", "PG"), ("host", List(Ref("HostSystem", "h1"))), ("vm", List()),
            ("config.distributedVirtualSwitch", Ref("VmwareDistributedVirtualSwitch", "dvs1")), ("config.uplink", false),
            ("config.defaultPortConfig", PortSetting(Trunk(List(Range(1, 10))))));
        var dvs = Obj("VmwareDistributedVirtualSwitch", "dvs1", ("name", "S"));

        // Combined: one retrieval, pages in any order, the portgroup once with the union of paths.
        var combined = Build(vm, dvs, pg, net, host, ds, cluster);
        // Legacy: one retrieval per type in PerTypeFilters order; the Network one also returns the portgroup.
        var legacy = Build(cluster, host, vm, ds, net, pgAsNetwork, pg, dvs);

        Assert.Equal(combined.Clusters, legacy.Clusters);
        Assert.Equal(combined.Hosts, legacy.Hosts);
        Assert.Equal(combined.Vms, legacy.Vms);
        Assert.Equal(combined.Datastores, legacy.Datastores);
        Assert.Equal(combined.DatastoreHosts, legacy.DatastoreHosts);
        Assert.Equal(combined.Networks.OrderBy(n => n.Moref, StringComparer.Ordinal), legacy.Networks.OrderBy(n => n.Moref, StringComparer.Ordinal));
        Assert.Equal(combined.TotalObjects, legacy.TotalObjects);
        Assert.Equal("1-10", legacy.Networks.Single(n => n.Moref == "pg1").VlanRanges);
    }
}
