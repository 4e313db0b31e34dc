namespace VcSync.Inventory.Records;

/// <summary>A guest file system of a VM (<c>vcenter_vm_partitions</c>), from <c>guest.disk</c>.</summary>
public sealed record VmPartitionRecord
{
    /// <summary>The VM.</summary>
    public required string VmMoref { get; init; }

    /// <summary><c>diskPath</c>, e.g. <c>/</c> or <c>C:\</c>.</summary>
    public required string DiskPath { get; init; }

    /// <summary><c>capacity</c>, bytes.</summary>
    public long? CapacityBytes { get; init; }

    /// <summary><c>freeSpace</c>, bytes.</summary>
    public long? FreeBytes { get; init; }

    /// <summary><c>filesystemType</c>.</summary>
    public string? FilesystemType { get; init; }
}
