using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Resolves the references between mapped objects once every page has arrived (the result order is not
/// guaranteed): host to cluster, VM to host and cluster, portgroup to switch, datastore to its mounts, alarm to
/// entity and definition.
/// </summary>
internal static class ReferenceResolver
{
    public static InventorySnapshot Resolve(MappedInventory mapped, bool alarmsRequested, IReadOnlyList<ValueWarning> warnings) =>
        Resolve(mapped, alarmsRequested, warnings, out _);

    /// <summary>Resolves everything, and gives the lookups it built, to resolve VMs alone later (<see cref="ResolveVm"/>).</summary>
    public static InventorySnapshot Resolve(
        MappedInventory mapped, bool alarmsRequested, IReadOnlyList<ValueWarning> warnings, out ResolvedLookups lookups)
    {
        var places = new FolderPaths(mapped.Places);
        var clusters = new List<ClusterRecord>(mapped.Clusters.Count);
        foreach (var cluster in mapped.Clusters.Values)
        {
            var (dc, path) = places.Of(ParentOf(mapped, Types.ClusterComputeResource, cluster.Moref));
            clusters.Add(cluster with { Datacenter = dc, FolderPath = path });
        }

        var hosts = new List<HostRecord>(mapped.Hosts.Count);
        var resolvedHosts = new Dictionary<string, HostRecord>(mapped.Hosts.Count, StringComparer.Ordinal);
        var portgroups = new List<HostPortgroupRecord>();
        foreach (var host in mapped.Hosts.Values)
        {
            var (dc, path) = places.Of(ParentOf(mapped, Types.HostSystem, host.Moref));
            var resolved = host with
            {
                ClusterName = host.ClusterMoref is { } clusterMoref && mapped.Clusters.TryGetValue(clusterMoref, out var c) ? c.Name : null,
                Datacenter = dc,
                FolderPath = path,
            };
            hosts.Add(resolved);
            resolvedHosts[resolved.Moref] = resolved;
            if (mapped.HostPortgroups.TryGetValue(host.Moref, out var hostPortgroups))
            {
                portgroups.AddRange(hostPortgroups);
            }
        }

        var datastores = new List<DatastoreRecord>(mapped.Datastores.Count);
        var datastoreNames = new Dictionary<string, string>(mapped.Datastores.Count, StringComparer.Ordinal);
        var mounts = new List<DatastoreHostRecord>();
        foreach (var entry in mapped.Datastores.Values)
        {
            var parent = ParentOf(mapped, Types.Datastore, entry.Record.Moref);
            var (dc, path) = places.Of(parent);
            var pod = parent is { Type: Types.StoragePod } && mapped.Places.TryGetValue(parent, out var place) ? place.Name : null;
            datastores.Add(entry.Record with { Datacenter = dc, FolderPath = path, DatastoreCluster = pod });
            datastoreNames[entry.Record.Moref] = entry.Record.Name;
            foreach (var hostMoref in entry.HostMorefs)
            {
                mounts.Add(new DatastoreHostRecord(entry.Record.Moref, hostMoref));
            }
        }

        var networks = new List<NetworkRecord>(mapped.Networks.Count);
        var networksByMoref = new Dictionary<string, NetworkRecord>(mapped.Networks.Count, StringComparer.Ordinal);
        foreach (var network in mapped.Networks.Values)
        {
            var (dc, path) = places.Of(ParentOf(mapped, network.NetworkType switch
            {
                NetworkMapper.Distributed => Types.DistributedVirtualPortgroup,
                NetworkMapper.Opaque => Types.OpaqueNetwork,
                _ => Types.Network,
            }, network.Moref));
            var resolved = network with
            {
                DvsName = network.DvsMoref is { } dvs && mapped.Switches.TryGetValue(dvs, out var name) ? name : null,
                Datacenter = dc,
                FolderPath = path,
            };
            networks.Add(resolved);
            networksByMoref[resolved.Moref] = resolved;
        }

        lookups = new ResolvedLookups(places, resolvedHosts, networksByMoref, datastoreNames);
        var children = new VmChildren();
        children.Reserve(mapped.Vms.Values);
        var vms = new List<VmRecord>(mapped.Vms.Count);
        foreach (var vm in mapped.Vms.Values)
        {
            vms.Add(ResolveVm(mapped, lookups, vm, children));
        }

        var alarms = ResolveAlarms(mapped, lookups, alarmsRequested);
        return new InventorySnapshot
        {
            Clusters = clusters,
            Hosts = hosts,
            Vms = vms,
            Datastores = datastores,
            DatastoreHosts = mounts,
            Networks = networks,
            Alarms = alarms,
            VmNics = children.Nics,
            VmDisks = children.Disks,
            VmPartitions = children.Partitions,
            VmSnapshots = children.Snapshots,
            HostPortgroups = portgroups,
            TotalObjects = mapped.ObjectCount,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Resolves one VM against lookups of a full resolve (valid while no other object changed), its child rows into
    /// <paramref name="children"/>. The first resolve of a mapped VM completes its record in place; later ones copy it.
    /// </summary>
    public static VmRecord ResolveVm(MappedInventory mapped, ResolvedLookups lookups, MappedVm vm, VmChildren children)
    {
        var record = vm.Record;
        var host = record.HostMoref is { } hostMoref && lookups.Hosts.TryGetValue(hostMoref, out var h) ? h : null;
        var (dc, path) = lookups.Places.Of(vm.Parent);
        // The mapped record's resolved columns are unset (or set by an earlier resolve), so each is set from scratch.
        var hostName = host?.Name;
        var clusterName = host?.ClusterName;
        var pool = PoolName(mapped, vm.ResourcePoolMoref, children.PoolNames);
        var custom = CustomAttributes.ToJson(vm.CustomValues, mapped.CustomFieldNames);
        children.Add(record.Moref, vm, mapped, lookups.Networks, lookups.DatastoreNames, host is null ? null : mapped.HostPortgroups.GetValueOrDefault(host.Moref));
        if (vm.Published)
        {
            // Handed out before: the same record while nothing it names changed, else a copy.
            return Same(record.HostName, hostName) && Same(record.ClusterName, clusterName) && Same(record.Datacenter, dc)
                && Same(record.FolderPath, path) && Same(record.ResourcePool, pool) && Same(record.CustomAttributes, custom)
                ? record
                : record with
            {
                HostName = hostName,
                ClusterName = clusterName,
                Datacenter = dc,
                FolderPath = path,
                ResourcePool = pool,
                CustomAttributes = custom,
            };
        }

        record.Resolve(hostName, clusterName, dc, path, pool, custom);
        vm.Published = true;
        return record;
    }

    /// <summary>The triggered alarms with their entity and definition names; null when alarms were neither asked nor read.</summary>
    public static List<AlarmRecord>? ResolveAlarms(MappedInventory mapped, ResolvedLookups lookups, bool alarmsRequested)
    {
        if (!alarmsRequested && mapped.AlarmsByFolder.Count == 0)
        {
            return null;
        }

        var alarms = new List<AlarmRecord>();
        foreach (var alarm in mapped.DistinctAlarms())
        {
            alarms.Add(alarm with
            {
                EntityName = EntityName(mapped, lookups.Hosts, alarm.EntityType, alarm.EntityMoref),
                AlarmName = mapped.AlarmNames.TryGetValue(alarm.AlarmMoref, out var alarmName) ? alarmName : null,
            });
        }

        return alarms;
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    private static ManagedObjectReference? ParentOf(MappedInventory mapped, string type, string moref) =>
        mapped.Parents.TryGetValue(new ManagedObjectReference(type, moref), out var parent) ? parent : null;

    private static string? PoolName(MappedInventory mapped, string? pool, Dictionary<string, string?> known)
    {
        if (pool is null)
        {
            return null;
        }

        // Looked up once per pool: VMs share a few pools, and each lookup here makes two references.
        if (!known.TryGetValue(pool, out var name))
        {
            name = mapped.Places.TryGetValue(new ManagedObjectReference(Types.ResourcePool, pool), out var place)
                || mapped.Places.TryGetValue(new ManagedObjectReference(Types.VirtualApp, pool), out place)
                ? place.Name
                : null;
            known[pool] = name;
        }

        return name;
    }

    private static string? EntityName(
        MappedInventory mapped, Dictionary<string, HostRecord> hosts, string type, string moref) => type switch
    {
        Types.VirtualMachine => mapped.Vms.TryGetValue(moref, out var vm) ? vm.Record.Name : mapped.TakenVmNames.GetValueOrDefault(moref),
        Types.HostSystem => hosts.TryGetValue(moref, out var host) ? host.Name : null,
        Types.ClusterComputeResource => mapped.Clusters.TryGetValue(moref, out var cluster) ? cluster.Name : null,
        Types.Datastore => mapped.Datastores.TryGetValue(moref, out var ds) ? ds.Record.Name : null,
        Types.Network or Types.OpaqueNetwork or Types.DistributedVirtualPortgroup =>
            mapped.Networks.TryGetValue(moref, out var network) ? network.Name : null,
        _ => null,
    };
}
