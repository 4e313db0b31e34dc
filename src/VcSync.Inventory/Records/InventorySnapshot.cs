namespace VcSync.Inventory.Records;

/// <summary>Everything one full sync read from one vCenter, with references already resolved.</summary>
public sealed class InventorySnapshot
{
    /// <summary>Clusters.</summary>
    public required IReadOnlyList<ClusterRecord> Clusters { get; init; }

    /// <summary>ESXi hosts.</summary>
    public required IReadOnlyList<HostRecord> Hosts { get; init; }

    /// <summary>Virtual machines and templates.</summary>
    public required IReadOnlyList<VmRecord> Vms { get; init; }

    /// <summary>Datastores.</summary>
    public required IReadOnlyList<DatastoreRecord> Datastores { get; init; }

    /// <summary>Host mounts of the datastores.</summary>
    public required IReadOnlyList<DatastoreHostRecord> DatastoreHosts { get; init; }

    /// <summary>Networks of every kind, a distributed portgroup once.</summary>
    public required IReadOnlyList<NetworkRecord> Networks { get; init; }

    /// <summary>Triggered alarms; null when this sync did not read them (the table is then left alone).</summary>
    public IReadOnlyList<AlarmRecord>? Alarms { get; init; }

    /// <summary>Virtual NICs of the VMs; null when this sync did not read them (the table is then left alone).</summary>
    public IReadOnlyList<VmNicRecord>? VmNics { get; init; }

    /// <summary>Virtual disks of the VMs; null when not read.</summary>
    public IReadOnlyList<VmDiskRecord>? VmDisks { get; init; }

    /// <summary>Guest file systems of the VMs; null when not read.</summary>
    public IReadOnlyList<VmPartitionRecord>? VmPartitions { get; init; }

    /// <summary>Snapshots of the VMs; null when not read.</summary>
    public IReadOnlyList<VmSnapshotRecord>? VmSnapshots { get; init; }

    /// <summary>Standard-switch portgroups of the hosts; null when not read.</summary>
    public IReadOnlyList<HostPortgroupRecord>? HostPortgroups { get; init; }

    /// <summary>The number of objects the retrieval returned: inventory objects, distributed switches, folders, datacenters, compute resources, resource pools, custom attribute definitions.</summary>
    public int TotalObjects { get; init; }

    /// <summary>Values that arrived but could not be stored; their columns are unset.</summary>
    public IReadOnlyList<ValueWarning> Warnings { get; init; } = [];
}
