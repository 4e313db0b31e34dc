using VcSync.Inventory.Records;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Resolves the references between mapped objects once every page has arrived (the result order is not
/// guaranteed): host to cluster, VM to host and cluster, portgroup to switch, datastore to its mounts, alarm to
/// entity and definition.
/// </summary>
internal static class ReferenceResolver
{
    public static InventorySnapshot Resolve(MappedInventory mapped, bool alarmsRequested, IReadOnlyList<ValueWarning> warnings)
    {
        var hosts = new List<HostRecord>(mapped.Hosts.Count);
        var resolvedHosts = new Dictionary<string, HostRecord>(mapped.Hosts.Count, StringComparer.Ordinal);
        foreach (var host in mapped.Hosts.Values)
        {
            var resolved = host.ClusterMoref is { } clusterMoref
                ? host with { ClusterName = mapped.Clusters.TryGetValue(clusterMoref, out var c) ? c.Name : null }
                : host;
            hosts.Add(resolved);
            resolvedHosts[resolved.Moref] = resolved;
        }

        var vms = new List<VmRecord>(mapped.Vms.Count);
        foreach (var vm in mapped.Vms.Values)
        {
            vms.Add(vm.HostMoref is { } hostMoref && resolvedHosts.TryGetValue(hostMoref, out var host)
                ? vm with { HostName = host.Name, ClusterName = host.ClusterName }
                : vm);
        }

        var datastores = new List<DatastoreRecord>(mapped.Datastores.Count);
        var mounts = new List<DatastoreHostRecord>();
        foreach (var entry in mapped.Datastores.Values)
        {
            datastores.Add(entry.Record);
            foreach (var hostMoref in entry.HostMorefs)
            {
                mounts.Add(new DatastoreHostRecord(entry.Record.Moref, hostMoref));
            }
        }

        var networks = new List<NetworkRecord>(mapped.Networks.Count);
        foreach (var network in mapped.Networks.Values)
        {
            networks.Add(network.DvsMoref is { } dvs
                ? network with { DvsName = mapped.Switches.TryGetValue(dvs, out var name) ? name : null }
                : network);
        }

        List<AlarmRecord>? alarms = null;
        if (alarmsRequested || mapped.AlarmsByFolder.Count > 0)
        {
            alarms = [];
            foreach (var alarm in mapped.DistinctAlarms())
            {
                alarms.Add(alarm with
                {
                    EntityName = EntityName(mapped, resolvedHosts, alarm.EntityType, alarm.EntityMoref),
                    AlarmName = mapped.AlarmNames.TryGetValue(alarm.AlarmMoref, out var alarmName) ? alarmName : null,
                });
            }
        }

        return new InventorySnapshot
        {
            Clusters = [.. mapped.Clusters.Values],
            Hosts = hosts,
            Vms = vms,
            Datastores = datastores,
            DatastoreHosts = mounts,
            Networks = networks,
            Alarms = alarms,
            TotalObjects = mapped.ObjectCount,
            Warnings = warnings,
        };
    }

    private static string? EntityName(
        MappedInventory mapped, Dictionary<string, HostRecord> hosts, string type, string moref) => type switch
    {
        Types.VirtualMachine => mapped.Vms.TryGetValue(moref, out var vm) ? vm.Name : null,
        Types.HostSystem => hosts.TryGetValue(moref, out var host) ? host.Name : null,
        Types.ClusterComputeResource => mapped.Clusters.TryGetValue(moref, out var cluster) ? cluster.Name : null,
        Types.Datastore => mapped.Datastores.TryGetValue(moref, out var ds) ? ds.Record.Name : null,
        Types.Network or Types.OpaqueNetwork or Types.DistributedVirtualPortgroup =>
            mapped.Networks.TryGetValue(moref, out var network) ? network.Name : null,
        _ => null,
    };
}
