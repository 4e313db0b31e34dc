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

    /// <summary>The number of inventory objects, the distributed switches included.</summary>
    public int TotalObjects { get; init; }

    /// <summary>Values that arrived but could not be stored; their columns are unset.</summary>
    public IReadOnlyList<ValueWarning> Warnings { get; init; } = [];
}
