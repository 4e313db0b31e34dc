namespace VcSync.Inventory.Records;

/// <summary>A virtual disk of a VM (<c>vcenter_vm_disks</c>), from <c>config.hardware.device</c>.</summary>
public sealed record VmDiskRecord
{
    // Resolved in place by the mapping, once, before the record is handed out (see Resolve).
    private string? _datastoreName;

    /// <summary>The VM.</summary>
    public required string VmMoref { get; init; }

    /// <summary>The device's <c>key</c>, unique within the VM.</summary>
    public required int DeviceKey { get; init; }

    /// <summary><c>deviceInfo.label</c>, e.g. <c>Hard disk 1</c>.</summary>
    public string? Label { get; init; }

    /// <summary><c>capacityInBytes</c> (else <c>capacityInKB</c> × 1024).</summary>
    public long? CapacityBytes { get; init; }

    /// <summary><c>backing.datastore</c>.</summary>
    public string? DatastoreMoref { get; init; }

    /// <summary>That datastore's name.</summary>
    public string? DatastoreName { get => _datastoreName; init => _datastoreName = value; }

    /// <summary><c>backing.fileName</c>, e.g. <c>[ds1] vm/vm.vmdk</c>.</summary>
    public string? FileName { get; init; }

    /// <summary><c>backing.uuid</c>.</summary>
    public string? DiskUuid { get; init; }

    /// <summary><c>backing.thinProvisioned</c>.</summary>
    public bool? ThinProvisioned { get; init; }

    /// <summary><c>backing.eagerlyScrub</c>.</summary>
    public bool? EagerlyScrub { get; init; }

    /// <summary><c>backing.diskMode</c>.</summary>
    public string? DiskMode { get; init; }

    /// <summary><c>backing.sharing</c>.</summary>
    public string? Sharing { get; init; }

    /// <summary><c>controllerKey</c>.</summary>
    public int? ControllerKey { get; init; }

    /// <summary>The controller's <c>deviceInfo.label</c>, e.g. <c>SCSI controller 0</c>.</summary>
    public string? ControllerLabel { get; init; }

    /// <summary>The controller's device type, e.g. <c>ParaVirtualSCSIController</c>.</summary>
    public string? ControllerType { get; init; }

    /// <summary><c>unitNumber</c> on the controller.</summary>
    public int? UnitNumber { get; init; }

    /// <summary>
    /// Sets the datastore's name on a record the mapping made and has not handed out yet; later resolves copy the
    /// record instead, so a record a caller holds never changes.
    /// </summary>
    internal void Resolve(string? datastoreName) => _datastoreName = datastoreName;
}
