using VcSync.Inventory;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Faults;

/// <summary>A server that sends an object twice (e.g. on two pages while the inventory moves) gets it kept once.</summary>
public sealed class DuplicateObjectTests
{
    [Fact]
    public void An_object_sent_on_two_pages_is_kept_once_with_its_latest_values()
    {
        var builder = new InventoryBuilder(alarmsRequested: false);
        builder.AddRange([
            Obj("HostSystem", "host-1", ("name", "esx-1")),
            Obj("VirtualMachine", "vm-1", ("name", "before"), ("runtime.host", Ref("HostSystem", "host-1"))),
            Obj("VirtualMachine", "vm-2", ("name", "other")),
        ]);
        builder.AddRange([
            Obj("VirtualMachine", "vm-1", ("name", "after"), ("runtime.host", Ref("HostSystem", "host-1"))),
            Obj("HostSystem", "host-1", ("name", "esx-1")),
        ]);

        var snapshot = builder.Build();

        Assert.Equal(["after", "other"], snapshot.Vms.Select(vm => vm.Name).Order(StringComparer.Ordinal));
        Assert.Single(snapshot.Hosts);
        Assert.Equal(3, snapshot.TotalObjects);
    }
}
