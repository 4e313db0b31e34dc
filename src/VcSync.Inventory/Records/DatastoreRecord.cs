namespace VcSync.Inventory.Records;

/// <summary>A <c>Datastore</c>, as the <c>vcenter_datastores</c> table holds it.</summary>
public sealed record DatastoreRecord : IInventoryRecord
{
    /// <inheritdoc />
    public required string Moref { get; init; }

    /// <inheritdoc />
    public required string Name { get; init; }

    /// <summary><c>summary.type</c>, e.g. VMFS, NFS, vsan.</summary>
    public string? Type { get; init; }

    /// <summary><c>summary.capacity</c>, bytes.</summary>
    public long? CapacityBytes { get; init; }

    /// <summary><c>summary.freeSpace</c>, bytes.</summary>
    public long? FreeBytes { get; init; }

    /// <summary><c>summary.accessible</c>.</summary>
    public bool? Accessible { get; init; }

    /// <summary><c>summary.maintenanceMode</c>.</summary>
    public string? MaintenanceMode { get; init; }

    /// <summary>Entries of <c>host</c>.</summary>
    public int HostCount { get; init; }

    /// <summary>Entries of <c>vm</c>.</summary>
    public int VmCount { get; init; }

    /// <summary>The datacenter the object is in.</summary>
    public string? Datacenter { get; init; }

    /// <summary>The folders between the datacenter's hidden type folder and the object, <c>/A/B</c>; <c>/</c> at the top.</summary>
    public string? FolderPath { get; init; }

    /// <summary><c>summary.url</c>.</summary>
    public string? Url { get; init; }

    /// <summary><c>summary.uncommitted</c>, bytes.</summary>
    public long? UncommittedBytes { get; init; }

    /// <summary>Capacity minus free space plus uncommitted, bytes, as the vSphere client shows it.</summary>
    public long? ProvisionedBytes { get; init; }

    /// <summary>The datastore cluster (<c>StoragePod</c>) that is the <c>parent</c>, by name.</summary>
    public string? DatastoreCluster { get; init; }
}
