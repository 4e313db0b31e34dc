using VcSync.Inventory.Records;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>What a VM's content holds besides its row, for <see cref="ReferenceResolver"/> to finish.</summary>
internal sealed record MappedVm(
    ManagedObjectReference? Parent,
    string? ResourcePoolMoref,
    KeyValuePair<int, string>[]? CustomValues,
    MappedNic[] Nics,
    MappedDisk[] Disks,
    VmPartitionRecord[] Partitions,
    VmSnapshotRecord[] Snapshots);
