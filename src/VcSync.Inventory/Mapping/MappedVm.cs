using VcSync.Inventory.Records;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>A VM's row and what its content holds besides, for <see cref="ReferenceResolver"/> to finish.</summary>
internal sealed record MappedVm(
    VmRecord Record,
    ManagedObjectReference? Parent,
    string? ResourcePoolMoref,
    KeyValuePair<int, string>[]? CustomValues,
    MappedNic[] Nics,
    VmDiskRecord[] Disks,
    VmPartitionRecord[] Partitions,
    VmSnapshotRecord[] Snapshots)
{
    /// <summary>
    /// Whether <see cref="Record"/> and <see cref="Disks"/> were handed out resolved: from then on they are copied, not
    /// changed.
    /// </summary>
    public bool Published { get; set; }
}
