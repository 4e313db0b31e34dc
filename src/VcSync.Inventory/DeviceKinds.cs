namespace VcSync.Inventory;

/// <summary>
/// The virtual device types VcSync keeps from <c>config.hardware.device</c>: network adapters, disks, and the
/// controllers disks hang on. Everything else (keyboard, video card, CD-ROM, ...) is skipped as the page streams.
/// </summary>
public static class DeviceKinds
{
    private static readonly Dictionary<string, string> Adapters = new(StringComparer.Ordinal)
    {
        ["VirtualVmxnet3"] = "vmxnet3",
        ["VirtualVmxnet3Vrdma"] = "vrdma",
        ["VirtualVmxnet2"] = "vmxnet2",
        ["VirtualVmxnet"] = "vmxnet",
        ["VirtualE1000e"] = "e1000e",
        ["VirtualE1000"] = "e1000",
        ["VirtualPCNet32"] = "pcnet32",
        ["VirtualSriovEthernetCard"] = "sriov",
        ["VirtualEthernetCard"] = "ethernet",
    };

    /// <summary>Whether a device of this type is decoded.</summary>
    public static bool IsWanted(string typeName) =>
        IsNic(typeName) || IsDisk(typeName) || IsController(typeName);

    /// <summary>Whether the type is a network adapter.</summary>
    public static bool IsNic(string typeName) => Adapters.ContainsKey(typeName);

    /// <summary>Whether the type is a virtual disk.</summary>
    public static bool IsDisk(string typeName) => string.Equals(typeName, "VirtualDisk", StringComparison.Ordinal);

    /// <summary>Whether the type is a storage controller (SCSI, SATA/AHCI, NVMe, IDE).</summary>
    public static bool IsController(string typeName) =>
        typeName.EndsWith("Controller", StringComparison.Ordinal)
        && (typeName.Contains("SCSI", StringComparison.Ordinal) || typeName.Contains("LsiLogic", StringComparison.Ordinal)
            || typeName.Contains("BusLogic", StringComparison.Ordinal) || typeName.Contains("AHCI", StringComparison.Ordinal)
            || typeName.Contains("SATA", StringComparison.Ordinal) || typeName.Contains("NVME", StringComparison.Ordinal)
            || typeName.Contains("IDE", StringComparison.Ordinal));

    /// <summary>The adapter name of a network adapter type (<c>vmxnet3</c>), or the type name itself when unknown.</summary>
    public static string AdapterName(string typeName) => Adapters.TryGetValue(typeName, out var name) ? name : typeName;
}
