using VcSync.Inventory.Records;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// The mapped objects of one retrieval, keyed by moref, references not yet resolved. An object mapped twice is kept
/// as its last content.
/// </summary>
internal sealed class MappedInventory
{
    public Dictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HostRecord> Hosts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, VmRecord> Vms { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MappedDatastore> Datastores { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, NetworkRecord> Networks { get; } = new(StringComparer.Ordinal);

    /// <summary>Distributed switches: moref to name.</summary>
    public Dictionary<string, string> Switches { get; } = new(StringComparer.Ordinal);

    /// <summary>Triggered alarms per folder that carried them.</summary>
    public Dictionary<string, List<AlarmRecord>> AlarmsByFolder { get; } = new(StringComparer.Ordinal);

    /// <summary>Alarm definitions: moref to <c>info.name</c>.</summary>
    public Dictionary<string, string?> AlarmNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Forgets one object, whatever its type.</summary>
    public void Remove(VcSync.Vim.Values.ManagedObjectReference obj)
    {
        var moref = obj.Value;
        _ = Clusters.Remove(moref) || Hosts.Remove(moref) || Vms.Remove(moref) || Datastores.Remove(moref) ||
            Networks.Remove(moref) || Switches.Remove(moref) || AlarmsByFolder.Remove(moref) || AlarmNames.Remove(moref);
    }

    /// <summary>The number of distinct inventory objects, the distributed switches included.</summary>
    public int ObjectCount => Clusters.Count + Hosts.Count + Vms.Count + Datastores.Count + Networks.Count + Switches.Count;

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
