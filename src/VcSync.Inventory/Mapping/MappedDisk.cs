namespace VcSync.Inventory.Mapping;

/// <summary>
/// A virtual disk as mapped from its device, before <see cref="VmChildren"/> names its datastore: a value, so that the
/// disk's record is allocated once, resolved.
/// </summary>
internal readonly record struct MappedDisk(
    int DeviceKey,
    string? Label,
    long? CapacityBytes,
    string? DatastoreMoref,
    string? FileName,
    string? DiskUuid,
    bool? ThinProvisioned,
    bool? EagerlyScrub,
    string? DiskMode,
    string? Sharing,
    int? ControllerKey,
    string? ControllerLabel,
    string? ControllerType,
    int? UnitNumber);
