namespace VcSync.Storage;

/// <summary>What <see cref="IInventoryStore.WriteSyncAsync"/> did, per contract table.</summary>
public sealed record InventoryWriteResult
{
    /// <summary>Every synced table by name; <see cref="TableChanges.None"/> for a table the sync did not read.</summary>
    public required IReadOnlyDictionary<string, TableChanges> Tables { get; init; }

    /// <summary><c>vcenter_clusters</c>.</summary>
    public TableChanges Clusters => Of("vcenter_clusters");

    /// <summary><c>vcenter_hosts</c>.</summary>
    public TableChanges Hosts => Of("vcenter_hosts");

    /// <summary><c>vcenter_vms</c>.</summary>
    public TableChanges Vms => Of("vcenter_vms");

    /// <summary><c>vcenter_datastores</c>.</summary>
    public TableChanges Datastores => Of("vcenter_datastores");

    /// <summary><c>vcenter_datastore_hosts</c>.</summary>
    public TableChanges DatastoreHosts => Of("vcenter_datastore_hosts");

    /// <summary><c>vcenter_networks</c>.</summary>
    public TableChanges Networks => Of("vcenter_networks");

    /// <summary><c>vcenter_alarms</c>; <see cref="TableChanges.None"/> when alarms were not part of the sync.</summary>
    public TableChanges Alarms => Of("vcenter_alarms");

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
    public int RowsWritten => Tables.Values.Sum(t => t.Written);

    /// <summary>Equal when every table's changes and the link counts are equal.</summary>
    public bool Equals(InventoryWriteResult? other) =>
        other is not null
        && AutoLinked == other.AutoLinked
        && Ambiguous == other.Ambiguous
        && Tables.Count == other.Tables.Count
        && Tables.All(t => other.Tables.TryGetValue(t.Key, out var changes) && changes == t.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AutoLinked, Ambiguous, RowsWritten);

    private TableChanges Of(string table) => Tables.TryGetValue(table, out var changes) ? changes : TableChanges.None;
}
