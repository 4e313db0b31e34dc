using VcSync.Inventory;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Inventory;

public class ServiceTagRulesTests
{
    [Fact]
    public void The_serial_number_is_taken_as_is_when_real()
    {
        Assert.Equal("ABC1234", ServiceTagRules.FromHost("ABC1234", List(IdInfo("ServiceTag", "OTHER99"))));
    }

    [Theory]
    [InlineData("  ABC1234  ")]
    [InlineData("\tABC1234\n")]
    [InlineData("ABC1234\0\0")]
    public void Padded_serials_are_trimmed(string raw)
    {
        Assert.Equal("ABC1234", ServiceTagRules.FromHost(raw, null));
    }

    [Fact]
    public void Inner_spaces_and_case_are_kept()
    {
        Assert.Equal("ab c12", ServiceTagRules.FromHost(" ab c12 ", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("None")]
    [InlineData("none")]
    [InlineData("NONE")]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("Not Specified")]
    [InlineData("not specified")]
    [InlineData("Default string")]
    [InlineData("DEFAULT STRING")]
    [InlineData("To be filled by O.E.M.")]
    [InlineData("to be filled by o.e.m.")]
    [InlineData("System Serial Number")]
    [InlineData("system serial number")]
    [InlineData("  Not Specified  ")]
    [InlineData("...")]
    [InlineData("0000000")]
    [InlineData("00.00 00")]
    [InlineData(" . 0 . ")]
    public void Placeholders_are_null(string placeholder)
    {
        Assert.True(ServiceTagRules.IsPlaceholder(placeholder));
        Assert.Null(ServiceTagRules.Clean(placeholder));
        Assert.Null(ServiceTagRules.FromHost(placeholder, null));
        Assert.Null(ServiceTagRules.FromHost(null, List(IdInfo("ServiceTag", placeholder))));
    }

    [Theory]
    [InlineData("0A")]
    [InlineData("100")]
    [InlineData("N/A1")]
    [InlineData("None2")]
    public void Values_that_only_resemble_placeholders_are_kept(string value)
    {
        Assert.False(ServiceTagRules.IsPlaceholder(value));
        Assert.Equal(value, ServiceTagRules.FromHost(value, null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("To be filled by O.E.M.")]
    [InlineData("  ")]
    public void A_missing_or_placeholder_serial_falls_back_to_the_ServiceTag(string? serial)
    {
        var info = List(IdInfo("AssetTag", "ASSET1"), IdInfo("ServiceTag", " 7XK9Q2 "), IdInfo("OemSpecificString", "x"));
        Assert.Equal("7XK9Q2", ServiceTagRules.FromHost(serial, info));
    }

    [Fact]
    public void A_blade_with_only_the_enclosure_tag_has_no_serial()
    {
        Assert.Null(ServiceTagRules.FromHost(null, List(IdInfo("EnclosureSerialNumberTag", "CHASSIS1"))));
        Assert.Null(ServiceTagRules.FromHost("", List(IdInfo("EnclosureSerialNumberTag", "CHASSIS1"))));
    }

    [Fact]
    public void A_blade_with_both_tags_takes_the_ServiceTag_wherever_it_is_listed()
    {
        Assert.Equal("BLADE01", ServiceTagRules.FromHost(null, List(IdInfo("EnclosureSerialNumberTag", "CHASSIS1"), IdInfo("ServiceTag", "BLADE01"))));
        Assert.Equal("BLADE01", ServiceTagRules.FromHost(null, List(IdInfo("ServiceTag", "BLADE01"), IdInfo("EnclosureSerialNumberTag", "CHASSIS1"))));
    }

    [Fact]
    public void A_placeholder_ServiceTag_entry_is_skipped_for_a_later_real_one()
    {
        Assert.Equal("REAL1", ServiceTagRules.FromHost(null, List(IdInfo("ServiceTag", "0"), IdInfo("ServiceTag", "REAL1"))));
    }

    [Fact]
    public void A_single_identification_entry_not_in_a_list_is_accepted()
    {
        Assert.Equal("SOLO1", ServiceTagRules.FromHost(null, IdInfo("ServiceTag", "SOLO1")));
    }

    [Fact]
    public void Lowercase_serials_are_stored_as_returned_and_linked_upper_cased()
    {
        Assert.Equal("abc1234", ServiceTagRules.FromHost(null, List(IdInfo("ServiceTag", " abc1234 "))));
        Assert.Equal("ABC1234", ServiceTagRules.NormalizeForLinking(" abc1234 "));
        Assert.Null(ServiceTagRules.NormalizeForLinking("none"));
        Assert.Null(ServiceTagRules.NormalizeForLinking(null));
    }

    [Fact]
    public void Wrong_shapes_read_as_no_serial()
    {
        Assert.Null(ServiceTagRules.FromHost(42, null));
        Assert.Null(ServiceTagRules.FromHost(null, "ServiceTag"));
        Assert.Null(ServiceTagRules.FromHost(null, List(Data("HostSystemIdentificationInfo", ("identifierValue", "X1"), ("identifierType", "ServiceTag")))));
        Assert.Null(ServiceTagRules.FromHost(null, List(Data("HostSystemIdentificationInfo",
            ("identifierValue", 12345), ("identifierType", Data("ElementDescription", ("key", "ServiceTag")))))));
        Assert.Null(ServiceTagRules.FromHost(null, List(42, null, Ref("HostSystem", "host-1"))));
    }
}
