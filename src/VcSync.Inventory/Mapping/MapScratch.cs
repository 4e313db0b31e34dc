using VcSync.Inventory.Records;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Lists the VM mappers reuse from one VM to the next (one per <see cref="InventoryBuilder"/>, which is not thread-safe):
/// a VM's devices, addresses and child rows are collected here and copied out at their final size.
/// </summary>
internal sealed class MapScratch
{
    private readonly (string? Name, DeviceKind Kind)[] _deviceTypes = new (string?, DeviceKind)[8];
    private int _nextDeviceType;

    /// <summary>The NICs, disks and controllers of the VM's device list that have a key, in order.</summary>
    public List<(DeviceKind Kind, int Key, DataObject Device)> Devices { get; } = [];

    /// <summary>Each NIC's addresses, comma-separated, by its device key (the last entry of a key counts).</summary>
    public List<(int Key, string Addresses)> NicAddresses { get; } = [];

    /// <summary>The distinct addresses of one guest NIC.</summary>
    public List<string> Addresses { get; } = [];

    /// <summary>The distinct addresses of the whole VM.</summary>
    public List<string> AllAddresses { get; } = [];

    public List<MappedNic> Nics { get; } = [];

    public List<VmDiskRecord> Disks { get; } = [];

    public List<VmPartitionRecord> Partitions { get; } = [];

    public List<VmSnapshotRecord> Snapshots { get; } = [];

    public Stack<(DataObject Tree, string? Parent, int Depth)> PendingSnapshots { get; } = new();

    public List<KeyValuePair<int, string>> CustomValues { get; } = [];

    /// <summary>
    /// What a device type is. The decoder shares one string per type name, so the last few names are remembered by
    /// reference: a VM's devices are of a handful of types, each otherwise a dictionary lookup and a few string searches.
    /// </summary>
    public DeviceKind KindOf(string typeName)
    {
        var types = _deviceTypes;
        for (var i = 0; i < types.Length; i++)
        {
            if (ReferenceEquals(types[i].Name, typeName))
            {
                return types[i].Kind;
            }
        }

        var kind = DeviceKinds.IsNic(typeName) ? DeviceKind.Nic
            : DeviceKinds.IsDisk(typeName) ? DeviceKind.Disk
            : DeviceKinds.IsController(typeName) ? DeviceKind.Controller
            : DeviceKind.Other;
        types[_nextDeviceType] = (typeName, kind);
        _nextDeviceType = (_nextDeviceType + 1) % types.Length;
        return kind;
    }
}
