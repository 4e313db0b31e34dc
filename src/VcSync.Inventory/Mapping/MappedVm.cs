using VcSync.Inventory.Records;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>What a VM's content holds besides its row, for <see cref="ReferenceResolver"/> to finish.</summary>
internal sealed record MappedVm(
    ManagedObjectReference? Parent,
    string? ResourcePoolMoref,
    List<KeyValuePair<int, string>>? CustomValues,
    List<VmNicRecord> Nics,
    List<VmDiskRecord> Disks,
    List<VmPartitionRecord> Partitions,
    List<VmSnapshotRecord> Snapshots);
