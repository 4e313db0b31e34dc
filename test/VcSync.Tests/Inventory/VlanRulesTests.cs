using VcSync.Inventory;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Inventory;

public class VlanRulesTests
{
    [Fact]
    public void VlanIdSpec_0_is_none()
    {
        Assert.Equal(new VlanInfo("none", 0, null), VlanRules.FromDefaultPortConfig(PortSetting(VlanId(0))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4094)]
    public void VlanIdSpec_1_to_4094_is_vlan(int id)
    {
        Assert.Equal(new VlanInfo("vlan", id, null), VlanRules.FromDefaultPortConfig(PortSetting(VlanId(id))));
    }

    [Fact]
    public void A_long_vlan_id_is_accepted()
    {
        Assert.Equal(new VlanInfo("vlan", 42, null), VlanRules.FromDefaultPortConfig(PortSetting(VlanId(42L))));
    }

    [Fact]
    public void Trunk_ranges_in_server_order()
    {
        var info = VlanRules.FromDefaultPortConfig(PortSetting(Trunk(List(Range(100, 199), Range(300, 300), Range(1009, 1019)))));
        Assert.Equal(new VlanInfo("trunk", null, "100-199,300,1009-1019"), info);
    }

    [Fact]
    public void Trunk_ranges_are_not_sorted()
    {
        var info = VlanRules.FromDefaultPortConfig(PortSetting(Trunk(List(Range(500, 600), Range(10, 10)))));
        Assert.Equal("500-600,10", info.Ranges);
    }

    [Fact]
    public void A_trunk_with_one_range_not_in_a_list()
    {
        Assert.Equal(new VlanInfo("trunk", null, "0-4094"), VlanRules.FromDefaultPortConfig(PortSetting(Trunk(Range(0, 4094)))));
    }

    [Fact]
    public void Pvlan_takes_the_pvlan_id()
    {
        Assert.Equal(new VlanInfo("pvlan", 201, null), VlanRules.FromDefaultPortConfig(PortSetting(Pvlan(201))));
    }

    [Fact]
    public void Unset_or_unknown_shapes_are_all_null()
    {
        Assert.Equal(VlanInfo.Unknown, VlanRules.FromDefaultPortConfig(null));
        Assert.Equal(VlanInfo.Unknown, VlanRules.FromDefaultPortConfig(PortSetting(null)));
        Assert.Equal(VlanInfo.Unknown, VlanRules.FromDefaultPortConfig("VLAN 5"));
        Assert.Equal(VlanInfo.Unknown, VlanRules.FromDefaultPortConfig(PortSetting(VlanId("5"))));
        Assert.Equal(VlanInfo.Unknown, VlanRules.FromDefaultPortConfig(PortSetting(Data("SomeFutureVlanSpec", ("vlanId", 5)))));
        Assert.Equal(VlanInfo.Unknown, VlanRules.FromDefaultPortConfig(PortSetting(Pvlan(null))));
        Assert.Equal(new VlanInfo("trunk", null, null), VlanRules.FromDefaultPortConfig(PortSetting(Trunk(List("x", 5)))));
    }
}
