using VcSync.Inventory.Records;

namespace VcSync.Inventory.Live;

/// <summary>
/// What changed in a live inventory since the last delta, references resolved: the records to write and the objects
/// that went. A store applies it with the same columns a full sync writes.
/// </summary>
public sealed class InventoryDelta
{
    /// <summary>
    /// The new or changed records of each table; a child table (datastore mounts, VM NICs, disks, partitions and
    /// snapshots, host portgroups) holds every row of each object in <see cref="Parents"/>. <see cref="InventorySnapshot.Alarms"/> is null when alarms did not change.
    /// </summary>
    public required InventorySnapshot Changed { get; init; }

    /// <summary>Keys (morefs, alarm keys) of rows that went: the object left the inventory, the alarm was cleared.</summary>
    public required IReadOnlySet<string> Deleted { get; init; }

    /// <summary>Objects whose child rows are replaced by those in <see cref="Changed"/> (none there: they have none now).</summary>
    public required IReadOnlySet<string> Parents { get; init; }

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty =>
        Deleted.Count == 0 && Parents.Count == 0 && Changed.Clusters.Count == 0 && Changed.Hosts.Count == 0 && Changed.Vms.Count == 0 &&
        Changed.Datastores.Count == 0 && Changed.Networks.Count == 0 && (Changed.Alarms is null || Changed.Alarms.Count == 0);

    /// <summary>The number of rows to write or delete.</summary>
    public int Count =>
        Deleted.Count + Changed.Clusters.Count + Changed.Hosts.Count + Changed.Vms.Count + Changed.Datastores.Count + Changed.Networks.Count +
        (Changed.Alarms?.Count ?? 0);
}
