namespace VcSync.Inventory.Records;

/// <summary>A snapshot of a VM (<c>vcenter_vm_snapshots</c>): one node of <c>snapshot.rootSnapshotList</c>, flattened.</summary>
public sealed record VmSnapshotRecord
{
    /// <summary>The VM.</summary>
    public required string VmMoref { get; init; }

    /// <summary>The snapshot's managed object reference value.</summary>
    public required string SnapshotMoref { get; init; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>id</c>, unique within the VM.</summary>
    public int? SnapshotId { get; init; }

    /// <summary><c>createTime</c>.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>state</c>: the VM's power state when the snapshot was taken.</summary>
    public string? State { get; init; }

    /// <summary><c>quiesced</c>.</summary>
    public bool? Quiesced { get; init; }

    /// <summary>The parent snapshot; null for a root.</summary>
    public string? ParentSnapshotMoref { get; init; }

    /// <summary>Whether it is <c>snapshot.currentSnapshot</c>.</summary>
    public bool IsCurrent { get; init; }

    /// <summary>0 for a root, 1 for its children, ...</summary>
    public int Depth { get; init; }
}
