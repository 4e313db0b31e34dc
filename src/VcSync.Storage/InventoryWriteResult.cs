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

    /// <summary>Hosts linked to a Dell server by this write's auto-linking.</summary>
    public int AutoLinked { get; init; }

    /// <summary>Hosts whose serial is shared with another host, so linked to nothing.</summary>
    public int Ambiguous { get; init; }

    /// <summary>Rows inserted, updated or deleted across all tables.</summary>
    public int RowsWritten =>
        Clusters.Written + Hosts.Written + Vms.Written + Datastores.Written + DatastoreHosts.Written + Networks.Written + Alarms.Written;
}
