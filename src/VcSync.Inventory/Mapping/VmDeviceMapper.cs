using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Maps a VM's <c>config.hardware.device</c> (already trimmed to NICs, disks and controllers while streaming) to NIC
/// and disk records. Network names, switches and datastore names are set by <see cref="ReferenceResolver"/>.
/// </summary>
internal static class VmDeviceMapper
{
    public static (List<VmNicRecord> Nics, List<VmDiskRecord> Disks) Map(string vmMoref, object? devices)
    {
        var items = VimValue.AsList(devices);
        var nics = new List<VmNicRecord>();
        var disks = new List<VmDiskRecord>();
        Dictionary<int, DataObject>? controllers = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is DataObject device && DeviceKinds.IsController(device.TypeName) && Int(device["key"]) is { } key)
            {
                (controllers ??= [])[key] = device;
            }
        }

        var seenNics = new HashSet<int>();
        var seenDisks = new HashSet<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not DataObject device || Int(device["key"]) is not { } key)
            {
                continue;
            }

            if (DeviceKinds.IsNic(device.TypeName) && seenNics.Add(key))
            {
                nics.Add(MapNic(vmMoref, key, device));
            }
            else if (DeviceKinds.IsDisk(device.TypeName) && seenDisks.Add(key))
            {
                disks.Add(MapDisk(vmMoref, key, device, controllers));
            }
        }

        return (nics, disks);
    }

    private static VmNicRecord MapNic(string vmMoref, int key, DataObject device)
    {
        var backing = device["backing"] as DataObject;
        var connectable = device["connectable"];
        string? network = null, portgroupKey = null, networkName = null;
        if (backing is not null)
        {
            network = (backing["network"] as ManagedObjectReference)?.Value;
            networkName = String(backing["deviceName"]);
            portgroupKey = String(Path(backing, "port.portgroupKey"));
        }

        return new VmNicRecord
        {
            VmMoref = vmMoref,
            DeviceKey = key,
            Label = String(Path(device, "deviceInfo.label")),
            AdapterType = DeviceKinds.AdapterName(device.TypeName),
            MacAddress = String(device["macAddress"]),
            Connected = Bool(Field(connectable, "connected")),
            StartConnected = Bool(Field(connectable, "startConnected")),
            NetworkMoref = network,
            NetworkName = networkName,
            PortgroupKey = portgroupKey,
        };
    }

    private static VmDiskRecord MapDisk(string vmMoref, int key, DataObject device, Dictionary<int, DataObject>? controllers)
    {
        var backing = device["backing"] as DataObject;
        var controllerKey = Int(device["controllerKey"]);
        DataObject? controller = null;
        if (controllerKey is { } ck)
        {
            controllers?.TryGetValue(ck, out controller);
        }

        var capacity = Long(device["capacityInBytes"]);
        if (capacity is null && Long(device["capacityInKB"]) is { } kb && kb <= long.MaxValue / 1024)
        {
            capacity = kb * 1024;
        }

        return new VmDiskRecord
        {
            VmMoref = vmMoref,
            DeviceKey = key,
            Label = String(Path(device, "deviceInfo.label")),
            CapacityBytes = capacity,
            DatastoreMoref = (backing?["datastore"] as ManagedObjectReference)?.Value,
            FileName = String(backing?["fileName"]),
            DiskUuid = String(backing?["uuid"]),
            ThinProvisioned = Bool(backing?["thinProvisioned"]),
            EagerlyScrub = Bool(backing?["eagerlyScrub"]),
            DiskMode = String(backing?["diskMode"]),
            Sharing = String(backing?["sharing"]),
            ControllerKey = controllerKey,
            ControllerLabel = controller is null ? null : String(Path(controller, "deviceInfo.label")),
            ControllerType = controller?.TypeName,
            UnitNumber = Int(device["unitNumber"]),
        };
    }
}
