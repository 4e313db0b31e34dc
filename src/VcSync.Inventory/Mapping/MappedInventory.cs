using VcSync.Inventory.Records;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// The mapped objects of one retrieval, keyed by moref, references not yet resolved. An object mapped twice is kept
/// as its last content.
/// </summary>
internal sealed class MappedInventory
{
    public Dictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HostRecord> Hosts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each VM's row and what it holds besides: parent, pool, custom values, child rows.</summary>
    public Dictionary<string, MappedVm> Vms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MappedDatastore> Datastores { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NetworkRecord> Networks { get; } = new(StringComparer.Ordinal);

    /// <summary>Distributed switches: moref to name.</summary>
    public Dictionary<string, string> Switches { get; } = new(StringComparer.Ordinal);

    /// <summary>Triggered alarms per folder that carried them.</summary>
    public Dictionary<string, List<AlarmRecord>> AlarmsByFolder { get; } = new(StringComparer.Ordinal);

    /// <summary>Alarm definitions: moref to <c>info.name</c>.</summary>
    public Dictionary<string, string?> AlarmNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Standard-switch portgroups per host.</summary>
    public Dictionary<string, List<HostPortgroupRecord>> HostPortgroups { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>parent</c> of each inventory object (cluster, host, datastore, network).</summary>
    public Dictionary<ManagedObjectReference, ManagedObjectReference> Parents { get; } = [];

    /// <summary>Folders, datacenters, compute resources, datastore clusters and resource pools: name and parent.</summary>
    public Dictionary<ManagedObjectReference, Place> Places { get; } = [];

    /// <summary>Distributed portgroups by their <c>key</c> (what a distributed port backing names): moref.</summary>
    public Dictionary<string, string> PortgroupKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Custom attribute definitions: key to name.</summary>
    public Dictionary<int, string> CustomFieldNames { get; set; } = [];

    /// <summary>Whether the custom attribute definitions came (the <c>CustomFieldsManager</c>).</summary>
    public bool HasCustomFields { get; set; }

    /// <summary>
    /// The number of distinct objects mapped: the inventory objects, the distributed switches, the places (folders,
    /// datacenters, compute resources, resource pools) and the custom attribute definitions, so that it equals the
    /// objects a retrieval returned.
    /// </summary>
    public int ObjectCount => Clusters.Count + Hosts.Count + Vms.Count + TakenVms.Count + Datastores.Count + Networks.Count + Switches.Count
        + Places.Count - PlacedClusters() + (HasCustomFields ? 1 : 0);

    /// <summary>The VMs already resolved and handed out page by page (and forgotten but for their moref), not in <see cref="Vms"/>.</summary>
    public HashSet<string> TakenVms { get; } = new(StringComparer.Ordinal);

    /// <summary>The names of handed-out VMs that a triggered alarm is on, to name the alarms' entities at the end.</summary>
    public Dictionary<string, string> TakenVmNames { get; } = new(StringComparer.Ordinal);

    // Clusters are places too (a host's parent); count them once.
    private int PlacedClusters()
    {
        var count = 0;
        foreach (var place in Places.Keys)
        {
            if (string.Equals(place.Type, InventoryPaths.Types.ClusterComputeResource, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Forgets one object, whatever its type, with what was kept beside its row.</summary>
    public void Remove(ManagedObjectReference obj)
    {
        var moref = obj.Value;
        _ = Clusters.Remove(moref) || Hosts.Remove(moref) || Vms.Remove(moref) || Datastores.Remove(moref) ||
            Networks.Remove(moref) || Switches.Remove(moref) || AlarmsByFolder.Remove(moref) || AlarmNames.Remove(moref);
        HostPortgroups.Remove(moref);
        Parents.Remove(obj);
        Places.Remove(obj);
    }

    /// <summary>
    /// The triggered alarms, one per key, the first seen: <c>triggeredAlarmState</c> repeats an alarm on every
    /// ancestor of its entity.
    /// </summary>
    public List<AlarmRecord> DistinctAlarms()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<AlarmRecord>();
        foreach (var alarms in AlarmsByFolder.Values)
        {
            foreach (var alarm in alarms)
            {
                if (seen.Add(alarm.AlarmKey))
                {
                    result.Add(alarm);
                }
            }
        }

        return result;
    }
}
