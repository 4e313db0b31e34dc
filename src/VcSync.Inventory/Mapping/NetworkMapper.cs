using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Maps a <c>Network</c>, <c>OpaqueNetwork</c> or <c>DistributedVirtualPortgroup</c> to a <see cref="NetworkRecord"/>;
/// the switch's name is set by <see cref="ReferenceResolver"/>.
/// </summary>
/// <remarks>A new column: a local, a <c>case</c> for its path (read with the method of its column's type), an initializer.</remarks>
internal static class NetworkMapper
{
    /// <summary><see cref="NetworkRecord.NetworkType"/> of a <c>Network</c>.</summary>
    public const string Standard = "standard";

    /// <summary><see cref="NetworkRecord.NetworkType"/> of an <c>OpaqueNetwork</c>.</summary>
    public const string Opaque = "opaque";

    /// <summary><see cref="NetworkRecord.NetworkType"/> of a <c>DistributedVirtualPortgroup</c>.</summary>
    public const string Distributed = "distributed";

    public static NetworkRecord Map(ObjectContent content, string networkType, PropertyReader read)
    {
        var distributed = string.Equals(networkType, Distributed, StringComparison.Ordinal);
        string? name = null, dvsMoref = null;
        bool? uplink = null;
        object? portConfig = null;
        int hostCount = 0, vmCount = 0;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = read.String(p); break;
                case Host: hostCount = VimValue.Count(p.Value); break;
                case Vm: vmCount = VimValue.Count(p.Value); break;
                case PortgroupSwitch: dvsMoref = read.MoRef(p); break;
                case PortgroupUplink: uplink = read.Bool(p); break;
                case PortgroupDefaultPortConfig: portConfig = p.Value; break;
                default: break;
            }
        }

        var vlan = distributed ? VlanRules.FromDefaultPortConfig(portConfig) : VlanInfo.Unknown;
        return new NetworkRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            NetworkType = networkType,
            DvsMoref = distributed ? dvsMoref : null,
            IsUplink = distributed && (uplink ?? false),
            VlanType = vlan.Type,
            VlanId = vlan.Id,
            VlanRanges = vlan.Ranges,
            HostCount = hostCount,
            VmCount = vmCount,
        };
    }

    /// <summary>A distributed switch's name, for the portgroups that reference it.</summary>
    public static string MapSwitchName(ObjectContent content, PropertyReader read)
    {
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            if (string.Equals(props[i].Name, Name, StringComparison.Ordinal))
            {
                return read.String(props[i]) ?? string.Empty;
            }
        }

        return string.Empty;
    }
}
