namespace VcSync.Inventory.Mapping;

/// <summary>What a device of <c>config.hardware.device</c> is to the mapping.</summary>
internal enum DeviceKind
{
    /// <summary>Neither of the others: not mapped.</summary>
    Other,

    /// <summary>A network adapter (<see cref="DeviceKinds.IsNic"/>).</summary>
    Nic,

    /// <summary>A virtual disk (<see cref="DeviceKinds.IsDisk"/>).</summary>
    Disk,

    /// <summary>A storage controller (<see cref="DeviceKinds.IsController"/>).</summary>
    Controller,
}
