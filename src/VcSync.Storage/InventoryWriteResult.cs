namespace VcSync.Storage;

/// <summary>What <see cref="IInventoryStore.WriteSyncAsync"/> did, per contract table.</summary>
public sealed record InventoryWriteResult
{
    /// <summary><c>vcenter_clusters</c>.</summary>
    public required TableChanges Clusters { get; init; }

    /// <summary><c>vcenter_hosts</c>.</summary>
    public required TableChanges Hosts { get; init; }

    /// <summary><c>vcenter_vms</c>.</summary>
    public required TableChanges Vms { get; init; }

    /// <summary><c>vcenter_datastores</c>.</summary>
    public required TableChanges Datastores { get; init; }

    /// <summary><c>vcenter_datastore_hosts</c>.</summary>
    public required TableChanges DatastoreHosts { get; init; }

    /// <summary><c>vcenter_networks</c>.</summary>
    public required TableChanges Networks { get; init; }

    /// <summary><c>vcenter_alarms</c>; <see cref="TableChanges.None"/> when alarms were not part of the sync.</summary>
    public required TableChanges Alarms { get; init; }

    /// <summary>
    /// Links made by this write's auto-linking: servers paired with a host they were not paired with before (new or
    /// moved links). Links that were already right are not counted, so a second unchanged sync reports 0.
    /// </summary>
    public int AutoLinked { get; init; }

    /// <summary>
    /// This vCenter's hosts whose serial is shared by two or more hosts (in any vCenter), so linked to nothing.
    /// </summary>
    public int Ambiguous { get; init; }

    /// <summary>Rows inserted, updated or deleted across all tables.</summary>
    public int RowsWritten =>
        Clusters.Written + Hosts.Written + Vms.Written + Datastores.Written + DatastoreHosts.Written + Networks.Written + Alarms.Written;
}
