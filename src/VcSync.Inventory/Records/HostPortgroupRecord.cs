namespace VcSync.Inventory.Records;

/// <summary>A standard-switch portgroup of a host (<c>vcenter_host_portgroups</c>), from <c>config.network.portgroup</c>.</summary>
public sealed record HostPortgroupRecord
{
    /// <summary>The host.</summary>
    public required string HostMoref { get; init; }

    /// <summary><c>spec.name</c>.</summary>
    public required string PortgroupName { get; init; }

    /// <summary><c>spec.vswitchName</c>.</summary>
    public string? VswitchName { get; init; }

    /// <summary><c>spec.vlanId</c>: 0 none, 1-4094 a VLAN, 4095 all (trunk).</summary>
    public int? VlanId { get; init; }
}
