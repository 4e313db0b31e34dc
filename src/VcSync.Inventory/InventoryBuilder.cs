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
/// Each type has its mapper under <c>Mapping/</c>; <c>ReferenceResolver</c> links them. Not thread-safe.
/// A streamed sync adds every object but the VMs, builds, then adds the VMs a page at a time and takes each page
/// (<see cref="TakeVms"/>), so that no more than a page of VMs is ever held; <see cref="BuildAlarms"/> ends it.
/// </remarks>
public sealed class InventoryBuilder
{
    private readonly MappedInventory _mapped = new();
    private readonly PropertyReader _read = new();
    private readonly MapScratch _scratch = new();
    private readonly Dictionary<string, List<ValueWarning>> _warnings = new(StringComparer.Ordinal);
    private readonly bool _alarmsRequested;
    private ResolvedLookups? _lookups;
    private HashSet<string>? _alarmedVms;

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

    /// <summary>
    /// The number of distinct objects added so far: inventory objects, distributed switches, folders, datacenters,
    /// compute resources, resource pools and the custom attribute definitions.
    /// </summary>
    public int ObjectCount => _mapped.ObjectCount;

    /// <summary>
    /// The values added so far that could not be stored and are left unset, in the order their objects arrived (an
    /// object added again keeps only its latest warnings).
    /// </summary>
    public IReadOnlyList<ValueWarning> Warnings
    {
        get
        {
            var all = new List<ValueWarning>();
            foreach (var warnings in _warnings.Values)
            {
                all.AddRange(warnings);
            }

            return all;
        }
    }

    /// <summary>Adds one object of a result page. Unknown types are ignored.</summary>
    public void Add(ObjectContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var moref = content.Obj.Value;
        _read.Reset();
        string? name = null;
        switch (content.Obj.Type)
        {
            case Types.VirtualMachine:
                name = (_mapped.Vms[moref] = VmMapper.Map(content, _read, _scratch)).Record.Name;
                break;
            case Types.HostSystem:
                name = (_mapped.Hosts[moref] = HostMapper.Map(content, _read)).Name;
                _mapped.HostPortgroups[moref] = HostPortgroupMapper.Map(moref, content[HostPortgroups]);
                AddParent(content);
                break;
            case Types.ClusterComputeResource:
                name = (_mapped.Clusters[moref] = ClusterMapper.Map(content, _read)).Name;
                AddPlace(content);
                break;
            case Types.Datastore:
                name = (_mapped.Datastores[moref] = DatastoreMapper.Map(content, _read)).Record.Name;
                AddParent(content);
                break;
            case Types.Network:
                name = (_mapped.Networks[moref] = NetworkMapper.Map(content, NetworkMapper.Standard, _read)).Name;
                AddParent(content);
                break;
            case Types.OpaqueNetwork:
                name = (_mapped.Networks[moref] = NetworkMapper.Map(content, NetworkMapper.Opaque, _read)).Name;
                AddParent(content);
                break;
            case Types.DistributedVirtualPortgroup:
                name = (_mapped.Networks[moref] = NetworkMapper.Map(content, NetworkMapper.Distributed, _read)).Name;
                AddParent(content);
                if (content[PortgroupKey] is string { Length: > 0 } key)
                {
                    _mapped.PortgroupKeys[key] = moref;
                }

                break;
            case Types.Folder:
            case Types.StoragePod:
                if (HasAlarms(content) && AlarmMapper.MapTriggered(content) is { } alarms)
                {
                    _mapped.AlarmsByFolder[moref] = alarms;
                }

                AddPlace(content);
                break;
            case Types.Datacenter:
            case Types.ComputeResource:
            case Types.ResourcePool:
            case Types.VirtualApp:
                AddPlace(content);
                break;
            case Types.Alarm:
                _mapped.AlarmNames[moref] = AlarmMapper.MapName(content);
                break;
            case "CustomFieldsManager":
                _mapped.CustomFieldNames = CustomAttributes.Definitions(content[CustomFieldDefinitions]);
                _mapped.HasCustomFields = true;
                break;
            default:
                // VmwareDistributedVirtualSwitch, and other switch implementations (e.g. NSX's), are switches.
                if (content.Obj.Type.EndsWith(Types.DistributedVirtualSwitch, StringComparison.Ordinal))
                {
                    name = _mapped.Switches[moref] = NetworkMapper.MapSwitchName(content, _read);
                }

                break;
        }

        if (name is not null)
        {
            NoteWarnings(content.Obj, name);
        }
    }

    // triggeredAlarmState is asked of the root folder; the other folders come with their name and parent only.
    private static bool HasAlarms(ObjectContent content)
    {
        if (content[TriggeredAlarmState] is not null)
        {
            return true;
        }

        foreach (var missing in content.MissingSet)
        {
            if (string.Equals(missing.Path, TriggeredAlarmState, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // A folder that came with no property at all was asked for its alarms alone (they are none).
        return content.PropSet.Count == 0;
    }

    private void AddParent(ObjectContent content)
    {
        if (content[Parent] is ManagedObjectReference parent)
        {
            _mapped.Parents[content.Obj] = parent;
        }
    }

    private void AddPlace(ObjectContent content)
    {
        var parent = content[Parent] as ManagedObjectReference;
        if (parent is not null)
        {
            _mapped.Parents[content.Obj] = parent;
        }

        _mapped.Places[content.Obj] = new Place(content[Name] as string ?? string.Empty, parent);
    }

    /// <summary>Forgets an object (it left the inventory); unknown objects are ignored.</summary>
    internal void Remove(ManagedObjectReference obj) => _mapped.Remove(obj);

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
            foreach (var alarm in _mapped.DistinctAlarms())
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

    /// <summary>The morefs of the VMs that a triggered alarm added so far is on.</summary>
    public IReadOnlySet<string> VmsWithTriggeredAlarms => AlarmedVms();

    private void NoteWarnings(ManagedObjectReference obj, string name)
    {
        var problems = _read.Problems;
        if (problems.Count == 0)
        {
            if (_warnings.Count > 0)
            {
                _warnings.Remove(obj.Value);
            }

            return;
        }

        var warnings = new List<ValueWarning>(problems.Count);
        foreach (var (path, value, reason) in problems)
        {
            warnings.Add(new ValueWarning(obj.Type, obj.Value, name, path, value, reason));
        }

        _warnings[obj.Value] = warnings;
    }

    /// <summary>Resolves the references and returns the snapshot. Call after the last page.</summary>
    public InventorySnapshot Build()
    {
        var snapshot = ReferenceResolver.Resolve(_mapped, _alarmsRequested, Warnings, out var lookups);
        _lookups = lookups;
        return snapshot;
    }

    /// <summary>
    /// A streamed sync's page: resolves the VMs added since <see cref="Build"/> (or the last call) against what that
    /// <see cref="Build"/> resolved, returns them with their child rows, and forgets them but for their moref (counted in
    /// <see cref="ObjectCount"/>) and, for a VM a triggered alarm is on, its name (<see cref="BuildAlarms"/>). Add every
    /// object but the VMs, <see cref="Build"/>, then add the VMs page by page, taking each page. The other tables of the
    /// page are empty; its <see cref="InventorySnapshot.Alarms"/> is null.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> never ran.</exception>
    public InventorySnapshot TakeVms()
    {
        var lookups = _lookups ?? throw new InvalidOperationException("Build the objects other than VMs before taking VMs.");
        _alarmedVms ??= AlarmedVms();
        var children = new VmChildren();
        children.Reserve(_mapped.Vms.Values);
        var vms = new List<VmRecord>(_mapped.Vms.Count);
        foreach (var vm in _mapped.Vms.Values)
        {
            var record = ReferenceResolver.ResolveVm(_mapped, lookups, vm, children);
            vms.Add(record);
            _mapped.TakenVms.Add(record.Moref);
            if (_alarmedVms.Contains(record.Moref))
            {
                _mapped.TakenVmNames[record.Moref] = record.Name;
            }
        }

        _mapped.Vms.Clear();
        return VmsOnly(vms, children, null, vms.Count);
    }

    /// <summary>
    /// The triggered alarms with their entity and definition names, after the last page was taken (<see cref="TakeVms"/>)
    /// and the alarm names were added; null when alarms were neither asked nor read.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> never ran.</exception>
    public IReadOnlyList<AlarmRecord>? BuildAlarms() =>
        ReferenceResolver.ResolveAlarms(
            _mapped, _lookups ?? throw new InvalidOperationException("Build before the alarms."), _alarmsRequested);

    private HashSet<string> AlarmedVms()
    {
        var vms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alarm in _mapped.DistinctAlarms())
        {
            if (string.Equals(alarm.EntityType, Types.VirtualMachine, StringComparison.Ordinal))
            {
                vms.Add(alarm.EntityMoref);
            }
        }

        return vms;
    }

    /// <summary>
    /// Resolves only the VMs of <paramref name="morefs"/> still held (and the triggered alarms), against what the last
    /// <see cref="Build"/> resolved: valid while nothing but VMs and alarms changed since. The other tables of the result
    /// are empty. Null when <see cref="Build"/> never ran.
    /// </summary>
    internal InventorySnapshot? BuildVms(IEnumerable<string> morefs)
    {
        if (_lookups is not { } lookups)
        {
            return null;
        }

        var children = new VmChildren();
        var vms = new List<VmRecord>();
        foreach (var moref in morefs)
        {
            if (_mapped.Vms.TryGetValue(moref, out var vm))
            {
                vms.Add(ReferenceResolver.ResolveVm(_mapped, lookups, vm, children));
            }
        }

        return VmsOnly(vms, children, ReferenceResolver.ResolveAlarms(_mapped, lookups, _alarmsRequested), _mapped.ObjectCount);
    }

    // A snapshot of VMs and their child rows only: the other tables are empty.
    private static InventorySnapshot VmsOnly(List<VmRecord> vms, VmChildren children, IReadOnlyList<AlarmRecord>? alarms, int totalObjects) => new()
    {
        Clusters = [],
        Hosts = [],
        Vms = vms,
        Datastores = [],
        DatastoreHosts = [],
        Networks = [],
        Alarms = alarms,
        VmNics = children.Nics,
        VmDisks = children.Disks,
        VmPartitions = children.Partitions,
        VmSnapshots = children.Snapshots,
        TotalObjects = totalObjects,
    };

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
                names[content.Obj.Value] = AlarmMapper.MapName(content);
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
            VmNics = snapshot.VmNics,
            VmDisks = snapshot.VmDisks,
            VmPartitions = snapshot.VmPartitions,
            VmSnapshots = snapshot.VmSnapshots,
            HostPortgroups = snapshot.HostPortgroups,
            TotalObjects = snapshot.TotalObjects,
            Warnings = snapshot.Warnings,
        };
    }
}
