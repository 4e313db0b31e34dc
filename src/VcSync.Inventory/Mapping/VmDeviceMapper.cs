using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Maps a VM's <c>config.hardware.device</c> (already trimmed to NICs, disks and controllers while streaming) to NICs
/// and disk records. Network names, switches and datastore names are set by <see cref="VmChildren"/>.
/// </summary>
/// <remarks>
/// Runs for every device of every VM, so it works in <see cref="MapScratch"/>'s lists: a device's kind is looked up
/// once, repeated keys are found by searching the few devices mapped so far, and a device's fields are read in one pass.
/// A field that appears twice reads as its first value, as <see cref="DataObject"/>'s indexer gives it.
/// </remarks>
internal static class VmDeviceMapper
{
    /// <summary>
    /// The NICs and disks, in device order, the first of a repeated key kept. <paramref name="scratch"/>'s
    /// <see cref="MapScratch.NicAddresses"/> gives each NIC its addresses.
    /// </summary>
    public static (MappedNic[] Nics, VmDiskRecord[] Disks) Map(string vmMoref, object? devices, MapScratch scratch)
    {
        var items = ValueItems.Of(devices);
        if (items.IsEmpty)
        {
            return ([], []);
        }

        var kept = scratch.Devices;
        kept.Clear();
        foreach (var item in items)
        {
            if (item is DataObject device)
            {
                var kind = scratch.KindOf(device.TypeName);
                if (kind != DeviceKind.Other && Int(device["key"]) is { } key)
                {
                    kept.Add((kind, key, device));
                }
            }
        }

        var nics = scratch.Nics;
        var disks = scratch.Disks;
        nics.Clear();
        disks.Clear();
        foreach (var (kind, key, device) in kept)
        {
            if (kind == DeviceKind.Nic && !HasNic(nics, key))
            {
                nics.Add(MapNic(key, device, scratch.NicAddresses));
            }
            else if (kind == DeviceKind.Disk && !HasDisk(disks, key))
            {
                disks.Add(MapDisk(vmMoref, key, device, kept));
            }
        }

        return (nics.ToArray(), disks.ToArray());
    }

    private static bool HasNic(List<MappedNic> nics, int key)
    {
        foreach (var nic in nics)
        {
            if (nic.DeviceKey == key)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDisk(List<VmDiskRecord> disks, int key)
    {
        foreach (var disk in disks)
        {
            if (disk.DeviceKey == key)
            {
                return true;
            }
        }

        return false;
    }

    private static MappedNic MapNic(int key, DataObject device, List<(int Key, string Addresses)> addresses)
    {
        object? backingValue = null, connectable = null, deviceInfo = null, mac = null;
        var fields = ValueItems.Fields(device);
        // Backwards, so that the first of a repeated field is the one left.
        for (var i = fields.Length - 1; i >= 0; i--)
        {
            switch (fields[i].Key)
            {
                case "backing": backingValue = fields[i].Value; break;
                case "connectable": connectable = fields[i].Value; break;
                case "deviceInfo": deviceInfo = fields[i].Value; break;
                case "macAddress": mac = fields[i].Value; break;
                default: break;
            }
        }

        string? network = null, portgroupKey = null, networkName = null;
        if (backingValue is DataObject backing)
        {
            network = (backing["network"] as ManagedObjectReference)?.Value;
            networkName = String(backing["deviceName"]);
            portgroupKey = String(Field(backing["port"], "portgroupKey"));
        }

        string? ips = null;
        for (var i = addresses.Count - 1; i >= 0; i--)
        {
            if (addresses[i].Key == key)
            {
                ips = addresses[i].Addresses;
                break;
            }
        }

        return new MappedNic(
            key,
            String(Field(deviceInfo, "label")),
            DeviceKinds.AdapterName(device.TypeName),
            String(mac),
            Bool(Field(connectable, "connected")),
            Bool(Field(connectable, "startConnected")),
            network,
            networkName,
            portgroupKey,
            ips);
    }

    private static VmDiskRecord MapDisk(string vmMoref, int key, DataObject device, List<(DeviceKind Kind, int Key, DataObject Device)> devices)
    {
        object? backingValue = null, deviceInfo = null, controllerKeyValue = null, bytes = null, kilobytes = null, unit = null;
        var fields = ValueItems.Fields(device);
        for (var i = fields.Length - 1; i >= 0; i--)
        {
            switch (fields[i].Key)
            {
                case "backing": backingValue = fields[i].Value; break;
                case "deviceInfo": deviceInfo = fields[i].Value; break;
                case "controllerKey": controllerKeyValue = fields[i].Value; break;
                case "capacityInBytes": bytes = fields[i].Value; break;
                case "capacityInKB": kilobytes = fields[i].Value; break;
                case "unitNumber": unit = fields[i].Value; break;
                default: break;
            }
        }

        var controllerKey = Int(controllerKeyValue);
        DataObject? controller = null;
        if (controllerKey is { } ck)
        {
            // The last controller of the key, as a map of key to controller filled in device order would hold.
            for (var i = devices.Count - 1; i >= 0; i--)
            {
                if (devices[i].Kind == DeviceKind.Controller && devices[i].Key == ck)
                {
                    controller = devices[i].Device;
                    break;
                }
            }
        }

        var capacity = Long(bytes);
        if (capacity is null && Long(kilobytes) is { } kb && kb <= long.MaxValue / 1024)
        {
            capacity = kb * 1024;
        }

        object? datastore = null, fileName = null, uuid = null, thin = null, scrub = null, mode = null, sharing = null;
        if (backingValue is DataObject backing)
        {
            var backingFields = ValueItems.Fields(backing);
            for (var i = backingFields.Length - 1; i >= 0; i--)
            {
                switch (backingFields[i].Key)
                {
                    case "datastore": datastore = backingFields[i].Value; break;
                    case "fileName": fileName = backingFields[i].Value; break;
                    case "uuid": uuid = backingFields[i].Value; break;
                    case "thinProvisioned": thin = backingFields[i].Value; break;
                    case "eagerlyScrub": scrub = backingFields[i].Value; break;
                    case "diskMode": mode = backingFields[i].Value; break;
                    case "sharing": sharing = backingFields[i].Value; break;
                    default: break;
                }
            }
        }

        return new VmDiskRecord
        {
            VmMoref = vmMoref,
            DeviceKey = key,
            Label = String(Field(deviceInfo, "label")),
            CapacityBytes = capacity,
            DatastoreMoref = (datastore as ManagedObjectReference)?.Value,
            FileName = String(fileName),
            DiskUuid = String(uuid),
            ThinProvisioned = Bool(thin),
            EagerlyScrub = Bool(scrub),
            DiskMode = String(mode),
            Sharing = String(sharing),
            ControllerKey = controllerKey,
            ControllerLabel = controller is null ? null : String(Path(controller, "deviceInfo.label")),
            ControllerType = controller?.TypeName,
            UnitNumber = Int(unit),
        };
    }
}
