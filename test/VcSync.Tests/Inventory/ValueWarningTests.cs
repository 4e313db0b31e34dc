using VcSync.Inventory;
using VcSync.Vim.Values;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Inventory;

/// <summary>A value that cannot be stored leaves its column unset and becomes a warning; the rest of the object is kept.</summary>
public sealed class ValueWarningTests
{
    [Fact]
    public void A_long_that_did_not_parse_leaves_its_column_null_and_names_object_property_and_value()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("ClusterComputeResource", "domain-c7",
            ("summary.effectiveMemory", new UnparsedValue("long", "12abc")),
            ("name", "Prod"),
            ("summary.totalMemory", long.MaxValue)));

        var snapshot = builder.Build();

        var cluster = Assert.Single(snapshot.Clusters);
        Assert.Null(cluster.EffectiveMemoryMb);
        Assert.Equal(long.MaxValue, cluster.TotalMemoryBytes);
        Assert.Equal("Prod", cluster.Name);
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Equal(
            new ValueWarning("ClusterComputeResource", "domain-c7", "Prod", "summary.effectiveMemory", "12abc", "not a valid xsd:long"),
            warning);
        Assert.Equal(
            "ClusterComputeResource domain-c7 \"Prod\": summary.effectiveMemory = \"12abc\" stored as NULL (not a valid xsd:long)",
            warning.ToString());
    }

    [Fact]
    public void An_int_column_given_a_long_beyond_32_bits_is_null_with_a_warning_and_one_that_fits_is_kept()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("VirtualMachine", "vm-1", ("name", "big"), ("config.hardware.numCPU", 1L << 40), ("config.hardware.memoryMB", 25_165_824L)));

        var snapshot = builder.Build();

        var vm = Assert.Single(snapshot.Vms);
        Assert.Null(vm.CpuCount);
        Assert.Equal(25_165_824, vm.MemoryMb);
        var warning = Assert.Single(snapshot.Warnings);
        Assert.Equal("config.hardware.numCPU", warning.PropertyPath);
        Assert.Equal("1099511627776", warning.Value);
        Assert.Contains("out of range", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_the_wrong_type_are_warnings_and_long_values_are_cut_to_200_characters()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("Datastore", "datastore-1",
            ("name", "ds"),
            ("summary.capacity", new string('9', 500)),
            ("summary.accessible", Data("Weird")),
            ("summary.type", 5)));

        var snapshot = builder.Build();

        var ds = Assert.Single(snapshot.Datastores);
        Assert.Null(ds.CapacityBytes);
        Assert.Null(ds.Accessible);
        Assert.Null(ds.Type);
        Assert.Equal(["summary.capacity", "summary.accessible", "summary.type"], snapshot.Warnings.Select(w => w.PropertyPath));
        Assert.Equal(200, snapshot.Warnings[0].Value.Length);
        Assert.EndsWith("…", snapshot.Warnings[0].Value, StringComparison.Ordinal);
        Assert.Equal("(Weird)", snapshot.Warnings[1].Value);
        Assert.All(snapshot.Warnings, w => Assert.Equal("ds", w.ObjectName));
    }

    [Fact]
    public void An_object_sent_again_keeps_only_its_latest_warnings()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("HostSystem", "host-1", ("name", "esx"), ("runtime.inMaintenanceMode", "perhaps")));
        builder.Add(Obj("HostSystem", "host-2", ("name", "esx2"), ("runtime.inMaintenanceMode", "perhaps")));
        builder.Add(Obj("HostSystem", "host-1", ("name", "esx"), ("runtime.inMaintenanceMode", true)));

        var warning = Assert.Single(builder.Build().Warnings);
        Assert.Equal("host-2", warning.Moref);
    }

    [Fact]
    public void Values_at_vSphere_8_maxima_are_kept_without_warnings()
    {
        const long TiB = 1L << 40;
        var builder = new InventoryBuilder();
        builder.AddRange([
            Obj("ClusterComputeResource", "domain-c1", ("name", "max"), ("summary.totalMemory", 96 * 24 * TiB), ("summary.effectiveMemory", 96L * 24 * 1024 * 1024)),
            Obj("VirtualMachine", "vm-1", ("name", "max"), ("config.hardware.numCPU", 768), ("config.hardware.memoryMB", 24 * 1024 * 1024), ("summary.storage.uncommitted", long.MaxValue)),
            Obj("Datastore", "datastore-1", ("name", "max"), ("summary.capacity", long.MaxValue), ("summary.freeSpace", 64 * TiB)),
        ]);

        var snapshot = builder.Build();

        Assert.Empty(snapshot.Warnings);
        Assert.Equal(96L * 24 * 1024 * 1024, snapshot.Clusters[0].EffectiveMemoryMb);
        Assert.Equal(long.MaxValue, snapshot.Vms[0].DiskUncommittedBytes);
        Assert.Equal(long.MaxValue, snapshot.Datastores[0].CapacityBytes);
    }
}
