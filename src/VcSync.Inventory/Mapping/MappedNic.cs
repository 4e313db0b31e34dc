namespace VcSync.Inventory.Mapping;

/// <summary>
/// A virtual NIC as mapped from its device, before <see cref="VmChildren"/> names its network and switch: a value, so
/// that the NIC's record is allocated once, resolved.
/// </summary>
internal readonly record struct MappedNic(
    int DeviceKey,
    string? Label,
    string? AdapterType,
    string? MacAddress,
    bool? Connected,
    bool? StartConnected,
    string? NetworkMoref,
    string? NetworkName,
    string? PortgroupKey,
    string? IpAddresses);
