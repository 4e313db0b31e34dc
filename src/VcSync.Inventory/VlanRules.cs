using System.Globalization;
using System.Text;
using VcSync.Inventory.Mapping;
using VcSync.Vim.Values;

namespace VcSync.Inventory;

/// <summary>The VLAN columns of a distributed portgroup.</summary>
/// <param name="Type"><c>none</c>, <c>vlan</c>, <c>trunk</c> or <c>pvlan</c>; null when unknown.</param>
/// <param name="Id">The VLAN id (0 for none) or the PVLAN id; null for trunks.</param>
/// <param name="Ranges">Trunks only: <c>100-199,300,1009-1019</c>.</param>
public readonly record struct VlanInfo(string? Type, int? Id, string? Ranges)
{
    /// <summary>Nothing known: every column null.</summary>
    public static VlanInfo Unknown => default;
}

/// <summary>Reads the VLAN of a distributed portgroup from its <c>config.defaultPortConfig</c>.</summary>
public static class VlanRules
{
    /// <summary><c>vlan_type</c> for VlanIdSpec 0.</summary>
    public const string None = "none";

    /// <summary><c>vlan_type</c> for VlanIdSpec 1-4094.</summary>
    public const string Vlan = "vlan";

    /// <summary><c>vlan_type</c> for a TrunkVlanSpec.</summary>
    public const string Trunk = "trunk";

    /// <summary><c>vlan_type</c> for a PvlanSpec.</summary>
    public const string Pvlan = "pvlan";

    /// <summary>The <c>VmwareDistributedVirtualSwitchVlanIdSpec</c> type name.</summary>
    public const string VlanIdSpec = "VmwareDistributedVirtualSwitchVlanIdSpec";

    /// <summary>The <c>VmwareDistributedVirtualSwitchTrunkVlanSpec</c> type name.</summary>
    public const string TrunkVlanSpec = "VmwareDistributedVirtualSwitchTrunkVlanSpec";

    /// <summary>The <c>VmwareDistributedVirtualSwitchPvlanSpec</c> type name.</summary>
    public const string PvlanSpec = "VmwareDistributedVirtualSwitchPvlanSpec";

    /// <summary>
    /// The VLAN of a portgroup from its decoded <c>config.defaultPortConfig</c> (a <c>VMwareDVSPortSetting</c>);
    /// <see cref="VlanInfo.Unknown"/> when it is unset or not a shape described by the contract.
    /// </summary>
    public static VlanInfo FromDefaultPortConfig(object? defaultPortConfig) =>
        defaultPortConfig is DataObject setting ? FromVlanSpec(setting["vlan"]) : VlanInfo.Unknown;

    /// <summary>The VLAN from a decoded <c>VMwareDVSPortSetting.vlan</c> value.</summary>
    public static VlanInfo FromVlanSpec(object? vlan)
    {
        if (vlan is not DataObject spec)
        {
            return VlanInfo.Unknown;
        }

        switch (spec.TypeName)
        {
            case VlanIdSpec:
                var id = VimValue.AsInt(spec["vlanId"]);
                return id switch
                {
                    null => VlanInfo.Unknown,
                    0 => new VlanInfo(None, 0, null),
                    _ => new VlanInfo(Vlan, id, null),
                };
            case PvlanSpec:
                var pvlanId = VimValue.AsInt(spec["pvlanId"]);
                return pvlanId is null ? VlanInfo.Unknown : new VlanInfo(Pvlan, pvlanId, null);
            case TrunkVlanSpec:
                return new VlanInfo(Trunk, null, FormatRanges(spec["vlanId"]));
            default:
                return VlanInfo.Unknown;
        }
    }

    /// <summary>
    /// Trunk ranges in server order as <c>start-end</c>, a single VLAN as <c>start</c>, comma-separated; entries that are
    /// not <c>NumericRange</c>s with integer bounds are skipped; null when none is left.
    /// </summary>
    public static string? FormatRanges(object? ranges)
    {
        StringBuilder? text = null;
        foreach (var entry in VimValue.AsList(ranges))
        {
            if (entry is not DataObject range)
            {
                continue;
            }

            var start = VimValue.AsInt(range["start"]);
            var end = VimValue.AsInt(range["end"]);
            if (start is null || end is null)
            {
                continue;
            }

            text = text is null ? new StringBuilder() : text.Append(',');
            text.Append(start.Value.ToString(CultureInfo.InvariantCulture));
            if (end != start)
            {
                text.Append('-').Append(end.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text?.ToString();
    }
}
