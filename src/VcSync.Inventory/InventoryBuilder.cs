using VcSync.Inventory.Mapping;
using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory;

/// <summary>
/// Maps PropertyCollector results to inventory records. Feed it every <see cref="ObjectContent"/> as the pages arrive
/// (<see cref="Add"/>, in any order), then call <see cref="Build"/> once after the last page: references (host to
/// cluster, VM to host and cluster, portgroup to switch, alarm to entity) are resolved only then, because the result
/// order is not guaranteed. An object that arrives twice is kept once, as its last content.
/// </summary>
/// <remarks>
/// Understands the contents of <see cref="InventoryPropertySpecs"/>'s filters: the inventory types, the root
/// <c>Folder</c> with <c>triggeredAlarmState</c>, and <c>Alarm</c>s with <c>info.name</c>. Other types are ignored.
/// Values of an unexpected type read as null. Not thread-safe.
/// </remarks>
public sealed class InventoryBuilder
{
    private readonly Dictionary<string, ClusterRecord> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostRecord> _hosts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VmRecord> _vms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DatastoreEntry> _datastores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkRecord> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _switches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AlarmRecord>> _alarmsByFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _alarmNames = new(StringComparer.Ordinal);
    private readonly bool _alarmsRequested;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="alarmsRequested">
    /// Whether the retrieval asked for the root folder's <c>triggeredAlarmState</c>. When true the snapshot's
    /// <see cref="InventorySnapshot.Alarms"/> is a list (empty if the folder never arrived); otherwise it is a list only
    /// when a <c>Folder</c> content arrived.
    /// </param>
    public InventoryBuilder(bool alarmsRequested = false)
    {
        _alarmsRequested = alarmsRequested;
    }

    /// <summary>The number of distinct inventory objects added so far, the distributed switches included.</summary>
    public int ObjectCount =>
        _clusters.Count + _hosts.Count + _vms.Count + _datastores.Count + _networks.Count + _switches.Count;

    /// <summary>Adds one object of a result page. Unknown types are ignored.</summary>
    public void Add(ObjectContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        switch (content.Obj.Type)
        {
            case Types.VirtualMachine:
                AddVm(content);
                break;
            case Types.HostSystem:
                AddHost(content);
                break;
            case Types.ClusterComputeResource:
                AddCluster(content);
                break;
            case Types.Datastore:
                AddDatastore(content);
                break;
            case Types.Network:
                AddNetwork(content, "standard");
                break;
            case Types.OpaqueNetwork:
                AddNetwork(content, "opaque");
                break;
            case Types.DistributedVirtualPortgroup:
                AddNetwork(content, "distributed");
                break;
            case Types.VmwareDistributedVirtualSwitch:
            case Types.DistributedVirtualSwitch:
                AddSwitch(content);
                break;
            case Types.Folder:
                AddFolder(content);
                break;
            case Types.Alarm:
                AddAlarmName(content);
                break;
            default:
                // Other switch implementations (e.g. NSX's) are still switches.
                if (content.Obj.Type.EndsWith(Types.DistributedVirtualSwitch, StringComparison.Ordinal))
                {
                    AddSwitch(content);
                }

                break;
        }
    }

    /// <summary>Adds every object of a page.</summary>
    public void AddRange(IEnumerable<ObjectContent> contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        foreach (var content in contents)
        {
            Add(content);
        }
    }

    /// <summary>
    /// The distinct alarm definitions of the triggered alarms added so far, in first-seen order: ask their
    /// <c>info.name</c> (<see cref="InventoryPropertySpecs.AlarmNameFilter"/>) and <see cref="Add"/> the answers.
    /// </summary>
    public IReadOnlyList<ManagedObjectReference> AlarmDefinitions
    {
        get
        {
            var seen = new HashSet<ManagedObjectReference>();
            var result = new List<ManagedObjectReference>();
            foreach (var alarm in DistinctAlarms())
            {
                var reference = new ManagedObjectReference(Types.Alarm, alarm.AlarmMoref);
                if (seen.Add(reference))
                {
                    result.Add(reference);
                }
            }

            return result;
        }
    }

    /// <summary>Resolves the references and returns the snapshot. Call after the last page.</summary>
    public InventorySnapshot Build()
    {
        var clusters = new List<ClusterRecord>(_clusters.Values);

        var hosts = new List<HostRecord>(_hosts.Count);
        var resolvedHosts = new Dictionary<string, HostRecord>(_hosts.Count, StringComparer.Ordinal);
        foreach (var host in _hosts.Values)
        {
            var resolved = host;
            if (host.ClusterMoref is { } clusterMoref)
            {
                resolved = host with { ClusterName = _clusters.TryGetValue(clusterMoref, out var c) ? c.Name : null };
            }

            hosts.Add(resolved);
            resolvedHosts[resolved.Moref] = resolved;
        }

        var vms = new List<VmRecord>(_vms.Count);
        foreach (var vm in _vms.Values)
        {
            if (vm.HostMoref is { } hostMoref && resolvedHosts.TryGetValue(hostMoref, out var host))
            {
                vms.Add(vm with { HostName = host.Name, ClusterName = host.ClusterName });
            }
            else
            {
                vms.Add(vm);
            }
        }

        var datastores = new List<DatastoreRecord>(_datastores.Count);
        var mounts = new List<DatastoreHostRecord>();
        foreach (var entry in _datastores.Values)
        {
            datastores.Add(entry.Record);
            foreach (var hostMoref in entry.HostMorefs)
            {
                mounts.Add(new DatastoreHostRecord(entry.Record.Moref, hostMoref));
            }
        }

        var networks = new List<NetworkRecord>(_networks.Count);
        foreach (var network in _networks.Values)
        {
            networks.Add(network.DvsMoref is { } dvs
                ? network with { DvsName = _switches.TryGetValue(dvs, out var name) ? name : null }
                : network);
        }

        List<AlarmRecord>? alarms = null;
        if (_alarmsRequested || _alarmsByFolder.Count > 0)
        {
            alarms = [];
            foreach (var alarm in DistinctAlarms())
            {
                alarms.Add(alarm with
                {
                    EntityName = EntityName(alarm.EntityType, alarm.EntityMoref, resolvedHosts),
                    AlarmName = _alarmNames.TryGetValue(alarm.AlarmMoref, out var alarmName) ? alarmName : null,
                });
            }
        }

        return new InventorySnapshot
        {
            Clusters = clusters,
            Hosts = hosts,
            Vms = vms,
            Datastores = datastores,
            DatastoreHosts = mounts,
            Networks = networks,
            Alarms = alarms,
            TotalObjects = ObjectCount,
        };
    }

    /// <summary>
    /// Sets <see cref="AlarmRecord.AlarmName"/> from <c>Alarm</c> contents with <c>info.name</c>, for a snapshot built
    /// before the names were fetched. Alarms without an answer keep their name. Returns a new snapshot.
    /// </summary>
    public static InventorySnapshot ApplyAlarmNames(InventorySnapshot snapshot, IEnumerable<ObjectContent> alarmContents)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(alarmContents);
        if (snapshot.Alarms is null)
        {
            return snapshot;
        }

        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var content in alarmContents)
        {
            if (content is not null && string.Equals(content.Obj.Type, Types.Alarm, StringComparison.Ordinal))
            {
                names[content.Obj.Value] = VimValue.AsString(content[AlarmInfoName]);
            }
        }

        var alarms = new List<AlarmRecord>(snapshot.Alarms.Count);
        foreach (var alarm in snapshot.Alarms)
        {
            alarms.Add(names.TryGetValue(alarm.AlarmMoref, out var name) ? alarm with { AlarmName = name } : alarm);
        }

        return new InventorySnapshot
        {
            Clusters = snapshot.Clusters,
            Hosts = snapshot.Hosts,
            Vms = snapshot.Vms,
            Datastores = snapshot.Datastores,
            DatastoreHosts = snapshot.DatastoreHosts,
            Networks = snapshot.Networks,
            Alarms = alarms,
            TotalObjects = snapshot.TotalObjects,
        };
    }

    private void AddVm(ObjectContent content)
    {
        string? name = null, uuid = null, powerState = null, hostMoref = null, ip = null;
        string? toolsStatus = null, toolsVersionStatus = null, guestOs = null;
        int? cpus = null, memory = null;
        bool? template = null;
        long? uncommitted = null;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = p.Value as string; break;
                case VmUuid: uuid = p.Value as string; break;
                case VmNumCpu: cpus = VimValue.AsInt(p.Value); break;
                case VmMemoryMb: memory = VimValue.AsInt(p.Value); break;
                case VmTemplate: template = VimValue.AsBool(p.Value); break;
                case VmPowerState: powerState = p.Value as string; break;
                case VmHost: hostMoref = (p.Value as ManagedObjectReference)?.Value; break;
                case VmIpAddress: ip = p.Value as string; break;
                case VmToolsStatus: toolsStatus = p.Value as string; break;
                case VmToolsVersionStatus: toolsVersionStatus = p.Value as string; break;
                case VmGuestFullName: guestOs = p.Value as string; break;
                case VmUncommitted: uncommitted = VimValue.AsLong(p.Value); break;
                default: break;
            }
        }

        _vms[content.Obj.Value] = new VmRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            VmUuid = uuid,
            CpuCount = cpus,
            MemoryMb = memory,
            IsTemplate = template,
            PowerState = powerState,
            HostMoref = hostMoref,
            IpAddress = ip,
            ToolsStatus = toolsStatus,
            ToolsVersionStatus = toolsVersionStatus,
            GuestOs = guestOs,
            DiskUncommittedBytes = uncommitted,
        };
    }

    private void AddHost(ObjectContent content)
    {
        string? name = null, clusterMoref = null, version = null, build = null, connectionState = null;
        object? serial = null, otherInfo = null;
        bool? maintenance = null;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = p.Value as string; break;
                case Parent:
                    clusterMoref = p.Value is ManagedObjectReference { Type: Types.ClusterComputeResource } parent
                        ? parent.Value
                        : null;
                    break;
                case HostSerialNumber: serial = p.Value; break;
                case HostOtherIdentifyingInfo: otherInfo = p.Value; break;
                case HostProductVersion: version = p.Value as string; break;
                case HostProductBuild: build = p.Value as string; break;
                case HostConnectionState: connectionState = p.Value as string; break;
                case HostInMaintenanceMode: maintenance = VimValue.AsBool(p.Value); break;
                default: break;
            }
        }

        _hosts[content.Obj.Value] = new HostRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            ClusterMoref = clusterMoref,
            SerialNumber = ServiceTagRules.FromHost(serial, otherInfo),
            EsxiVersion = version,
            EsxiBuild = build,
            ConnectionState = connectionState,
            InMaintenanceMode = maintenance,
        };
    }

    private void AddCluster(ObjectContent content)
    {
        string? name = null, status = null, drsBehavior = null;
        int? totalCpu = null, effectiveCpu = null, numHosts = null, numEffectiveHosts = null;
        long? totalMemory = null, effectiveMemory = null;
        bool? ha = null, drs = null;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = p.Value as string; break;
                case ClusterTotalCpu: totalCpu = VimValue.AsInt(p.Value); break;
                case ClusterEffectiveCpu: effectiveCpu = VimValue.AsInt(p.Value); break;
                case ClusterTotalMemory: totalMemory = VimValue.AsLong(p.Value); break;
                case ClusterEffectiveMemory: effectiveMemory = VimValue.AsLong(p.Value); break;
                case ClusterNumHosts: numHosts = VimValue.AsInt(p.Value); break;
                case ClusterNumEffectiveHosts: numEffectiveHosts = VimValue.AsInt(p.Value); break;
                case ClusterOverallStatus: status = p.Value as string; break;
                case ClusterHaEnabled: ha = VimValue.AsBool(p.Value); break;
                case ClusterDrsEnabled: drs = VimValue.AsBool(p.Value); break;
                case ClusterDrsBehavior: drsBehavior = p.Value as string; break;
                default: break;
            }
        }

        _clusters[content.Obj.Value] = new ClusterRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            TotalCpuMhz = totalCpu,
            EffectiveCpuMhz = effectiveCpu,
            TotalMemoryBytes = totalMemory,
            EffectiveMemoryMb = effectiveMemory,
            NumHosts = numHosts,
            NumEffectiveHosts = numEffectiveHosts,
            OverallStatus = status,
            HaEnabled = ha,
            DrsEnabled = drs,
            DrsBehavior = drsBehavior,
        };
    }

    private void AddDatastore(ObjectContent content)
    {
        string? name = null, type = null, maintenance = null;
        long? capacity = null, free = null;
        bool? accessible = null;
        object? hostMounts = null;
        var vmCount = 0;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = p.Value as string; break;
                case DatastoreType: type = p.Value as string; break;
                case DatastoreCapacity: capacity = VimValue.AsLong(p.Value); break;
                case DatastoreFreeSpace: free = VimValue.AsLong(p.Value); break;
                case DatastoreAccessible: accessible = VimValue.AsBool(p.Value); break;
                case DatastoreMaintenanceMode: maintenance = p.Value as string; break;
                case Host: hostMounts = p.Value; break;
                case Vm: vmCount = VimValue.Count(p.Value); break;
                default: break;
            }
        }

        var mounts = VimValue.AsList(hostMounts);
        var hostMorefs = new List<string>(mounts.Count);
        for (var i = 0; i < mounts.Count; i++)
        {
            // A DatastoreHostMount's key is the host; accept a bare reference too.
            var key = mounts[i] switch
            {
                DataObject mount => mount["key"] as ManagedObjectReference,
                ManagedObjectReference reference => reference,
                _ => null,
            };
            if (key is not null && !hostMorefs.Contains(key.Value))
            {
                hostMorefs.Add(key.Value);
            }
        }

        var record = new DatastoreRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            Type = type,
            CapacityBytes = capacity,
            FreeBytes = free,
            Accessible = accessible,
            MaintenanceMode = maintenance,
            HostCount = mounts.Count,
            VmCount = vmCount,
        };
        _datastores[content.Obj.Value] = new DatastoreEntry(record, hostMorefs);
    }

    private void AddNetwork(ObjectContent content, string networkType)
    {
        var distributed = string.Equals(networkType, "distributed", StringComparison.Ordinal);
        string? name = null, dvsMoref = null;
        bool? uplink = null;
        object? portConfig = null;
        int hostCount = 0, vmCount = 0;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = p.Value as string; break;
                case Host: hostCount = VimValue.Count(p.Value); break;
                case Vm: vmCount = VimValue.Count(p.Value); break;
                case PortgroupSwitch: dvsMoref = (p.Value as ManagedObjectReference)?.Value; break;
                case PortgroupUplink: uplink = VimValue.AsBool(p.Value); break;
                case PortgroupDefaultPortConfig: portConfig = p.Value; break;
                default: break;
            }
        }

        var vlan = distributed ? VlanRules.FromDefaultPortConfig(portConfig) : VlanInfo.Unknown;
        _networks[content.Obj.Value] = new NetworkRecord
        {
            Moref = content.Obj.Value,
            Name = name ?? string.Empty,
            NetworkType = networkType,
            DvsMoref = distributed ? dvsMoref : null,
            IsUplink = distributed && (uplink ?? false),
            VlanType = vlan.Type,
            VlanId = vlan.Id,
            VlanRanges = vlan.Ranges,
            HostCount = hostCount,
            VmCount = vmCount,
        };
    }

    private void AddSwitch(ObjectContent content) =>
        _switches[content.Obj.Value] = content[Name] as string ?? string.Empty;

    private void AddFolder(ObjectContent content)
    {
        foreach (var missing in content.MissingSet)
        {
            if (string.Equals(missing.Path, TriggeredAlarmState, StringComparison.Ordinal))
            {
                return; // Not read: leave the alarms table alone rather than empty it.
            }
        }

        var states = VimValue.AsList(content[TriggeredAlarmState]);
        var alarms = new List<AlarmRecord>(states.Count);
        for (var i = 0; i < states.Count; i++)
        {
            if (states[i] is DataObject state && ToAlarm(state) is { } alarm)
            {
                alarms.Add(alarm);
            }
        }

        _alarmsByFolder[content.Obj.Value] = alarms;
    }

    private void AddAlarmName(ObjectContent content) =>
        _alarmNames[content.Obj.Value] = content[AlarmInfoName] as string;

    private static AlarmRecord? ToAlarm(DataObject state)
    {
        var key = state["key"] as string;
        var entity = state["entity"] as ManagedObjectReference;
        var alarm = state["alarm"] as ManagedObjectReference;
        if (key is null || entity is null || alarm is null)
        {
            return null; // Without its key, entity and definition an alarm cannot be a row.
        }

        return new AlarmRecord
        {
            AlarmKey = key,
            EntityMoref = entity.Value,
            EntityType = entity.Type,
            AlarmMoref = alarm.Value,
            OverallStatus = state["overallStatus"] as string,
            TriggeredAt = VimValue.AsUtc(state["time"]),
            Acknowledged = VimValue.AsBool(state["acknowledged"]) ?? false,
            AcknowledgedBy = state["acknowledgedByUser"] as string,
            AcknowledgedAt = VimValue.AsUtc(state["acknowledgedTime"]),
        };
    }

    // triggeredAlarmState propagates up the tree: one alarm per key, the first seen.
    private List<AlarmRecord> DistinctAlarms()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<AlarmRecord>();
        foreach (var alarms in _alarmsByFolder.Values)
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

    private string? EntityName(string type, string moref, Dictionary<string, HostRecord> hosts) => type switch
    {
        Types.VirtualMachine => _vms.TryGetValue(moref, out var vm) ? vm.Name : null,
        Types.HostSystem => hosts.TryGetValue(moref, out var host) ? host.Name : null,
        Types.ClusterComputeResource => _clusters.TryGetValue(moref, out var cluster) ? cluster.Name : null,
        Types.Datastore => _datastores.TryGetValue(moref, out var ds) ? ds.Record.Name : null,
        Types.Network or Types.OpaqueNetwork or Types.DistributedVirtualPortgroup =>
            _networks.TryGetValue(moref, out var network) ? network.Name : null,
        _ => null,
    };

    private sealed record DatastoreEntry(DatastoreRecord Record, List<string> HostMorefs);
}
