namespace VcSync.Inventory.Records;

/// <summary>A <c>Network</c>, <c>DistributedVirtualPortgroup</c> or <c>OpaqueNetwork</c> (<c>vcenter_networks</c>).</summary>
public sealed record NetworkRecord : IInventoryRecord
{
    /// <inheritdoc />
    public required string Moref { get; init; }

    /// <inheritdoc />
    public required string Name { get; init; }

    /// <summary><c>standard</c>, <c>distributed</c> or <c>opaque</c>.</summary>
    public required string NetworkType { get; init; }

    /// <summary><c>config.distributedVirtualSwitch</c>; null unless distributed.</summary>
    public string? DvsMoref { get; init; }

    /// <summary>That switch's name.</summary>
    public string? DvsName { get; init; }

    /// <summary><c>config.uplink</c>; false unless distributed.</summary>
    public bool IsUplink { get; init; }

    /// <summary><c>none</c>, <c>vlan</c>, <c>trunk</c> or <c>pvlan</c>; null unless distributed.</summary>
    public string? VlanType { get; init; }

    /// <summary>The VLAN id (0 for none) or the PVLAN id; null for trunks.</summary>
    public int? VlanId { get; init; }

    /// <summary>Trunk ranges in server order, e.g. <c>100-199,300</c>.</summary>
    public string? VlanRanges { get; init; }

    /// <summary>Entries of <c>host</c>.</summary>
    public int HostCount { get; init; }

    /// <summary>Entries of <c>vm</c>.</summary>
    public int VmCount { get; init; }

    /// <summary>The datacenter the object is in.</summary>
    public string? Datacenter { get; init; }

    /// <summary>The folders between the datacenter's hidden type folder and the object, <c>/A/B</c>; <c>/</c> at the top.</summary>
    public string? FolderPath { get; init; }
}
