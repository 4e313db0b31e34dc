using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory;

/// <summary>
/// What VcSync asks vCenter for: the property paths per managed type for a server API version, the ContainerView
/// type list, and the <see cref="PropertyFilterSpec"/>s for the one-call inventory retrieval, the alarm-name
/// retrieval and the legacy one-retrieval-per-type mode.
/// </summary>
public static class InventoryPropertySpecs
{
    /// <summary>The name of the traversal from the ContainerView to its objects.</summary>
    public const string ViewTraversalName = "traverseView";

    /// <summary>
    /// The types for <c>CreateContainerView</c> (recursive, from the root folder). <c>Network</c> also matches its
    /// subtypes <c>DistributedVirtualPortgroup</c> and <c>OpaqueNetwork</c>; listing the portgroup as well is harmless.
    /// </summary>
    public static IReadOnlyList<string> ContainerViewTypes { get; } =
    [
        Types.ClusterComputeResource,
        Types.HostSystem,
        Types.VirtualMachine,
        Types.Datastore,
        Types.Network,
        Types.DistributedVirtualPortgroup,
        Types.DistributedVirtualSwitch,
    ];

    private static readonly string[] VmPaths =
    [
        Name, VmUuid, VmNumCpu, VmMemoryMb, VmTemplate, VmPowerState, VmHost,
        VmIpAddress, VmToolsStatus, VmToolsVersionStatus, VmGuestFullName, VmUncommitted,
    ];

    private static readonly string[] HostPathsWithSerial =
    [
        Name, Parent, HostSerialNumber, HostOtherIdentifyingInfo, HostProductVersion, HostProductBuild,
        HostConnectionState, HostInMaintenanceMode,
    ];

    private static readonly string[] HostPathsWithoutSerial =
    [
        Name, Parent, HostOtherIdentifyingInfo, HostProductVersion, HostProductBuild,
        HostConnectionState, HostInMaintenanceMode,
    ];

    private static readonly string[] ClusterPaths =
    [
        Name, ClusterTotalCpu, ClusterEffectiveCpu, ClusterTotalMemory, ClusterEffectiveMemory, ClusterNumHosts,
        ClusterNumEffectiveHosts, ClusterOverallStatus, ClusterHaEnabled, ClusterDrsEnabled, ClusterDrsBehavior,
    ];

    private static readonly string[] DatastorePaths =
    [
        Name, DatastoreType, DatastoreCapacity, DatastoreFreeSpace, DatastoreAccessible, DatastoreMaintenanceMode,
        Host, Vm,
    ];

    private static readonly string[] NetworkPaths = [Name, Host, Vm];

    // A portgroup is also a Network: it carries the Network paths too (each once), so that a retrieval of the
    // portgroup type alone (legacy mode) is complete.
    private static readonly string[] PortgroupPaths =
        [Name, Host, Vm, PortgroupSwitch, PortgroupUplink, PortgroupDefaultPortConfig];

    private static readonly string[] SwitchPaths = [Name];

    /// <summary>
    /// Whether the server has <c>hardware.systemInfo.serialNumber</c> (API 6.7 and later). A version that cannot be
    /// parsed counts as older: leaving the path out only loses the fallback-free serial, asking an older server for
    /// it fails the whole call.
    /// </summary>
    public static bool HasHostSerialNumber(string? apiVersion) =>
        ApiVersion.TryParse(apiVersion, out var version) && version >= ApiVersion.V67;

    /// <summary>
    /// The property specs of the inventory types for a server of <paramref name="apiVersion"/>
    /// (<c>about.apiVersion</c>), one per type, in dependency order: clusters, hosts, VMs, datastores, networks,
    /// portgroups, switches.
    /// </summary>
    public static IReadOnlyList<PropertySpec> ForApiVersion(string? apiVersion) =>
    [
        new PropertySpec(Types.ClusterComputeResource, ClusterPaths),
        new PropertySpec(Types.HostSystem, HasHostSerialNumber(apiVersion) ? HostPathsWithSerial : HostPathsWithoutSerial),
        new PropertySpec(Types.VirtualMachine, VmPaths),
        new PropertySpec(Types.Datastore, DatastorePaths),
        new PropertySpec(Types.Network, NetworkPaths),
        new PropertySpec(Types.DistributedVirtualPortgroup, PortgroupPaths),
        new PropertySpec(Types.DistributedVirtualSwitch, SwitchPaths),
    ];

    /// <summary>The root folder's <c>triggeredAlarmState</c>, which holds every triggered alarm of the vCenter.</summary>
    public static PropertySpec TriggeredAlarmSpec { get; } = new(Types.Folder, [TriggeredAlarmState]);

    /// <summary>The alarm definitions' names.</summary>
    public static PropertySpec AlarmNameSpec { get; } = new(Types.Alarm, [AlarmInfoName]);

    /// <summary>The ObjectSpec that walks a ContainerView to its objects and leaves the view itself out.</summary>
    public static ObjectSpec ViewObjectSpec(ManagedObjectReference view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ObjectSpec(
            view,
            Skip: true,
            [new TraversalSpec(ViewTraversalName, Types.ContainerView, "view", Skip: false, [])]);
    }

    /// <summary>
    /// The ONE filter of a full sync: every inventory type through <paramref name="view"/> and, when
    /// <paramref name="rootFolder"/> is given, the root folder's <c>triggeredAlarmState</c> in the same retrieval.
    /// </summary>
    /// <param name="view">A ContainerView of <see cref="ContainerViewTypes"/>, recursive from the root folder.</param>
    /// <param name="apiVersion">The server's <c>about.apiVersion</c>.</param>
    /// <param name="rootFolder">The root folder, to read the triggered alarms; null to leave alarms out.</param>
    public static PropertyFilterSpec InventoryFilter(ManagedObjectReference view, string? apiVersion, ManagedObjectReference? rootFolder)
    {
        var props = new List<PropertySpec>(ForApiVersion(apiVersion));
        var objects = new List<ObjectSpec>(2) { ViewObjectSpec(view) };
        if (rootFolder is not null)
        {
            props.Add(TriggeredAlarmSpec);
            objects.Add(new ObjectSpec(rootFolder, Skip: false, []));
        }

        return new PropertyFilterSpec(props, objects);
    }

    /// <summary>
    /// The legacy mode's filters: one per type, with exactly the properties of <see cref="ForApiVersion"/>, each through
    /// a view. Run them in the order returned: a <c>Network</c> filter also returns the portgroups with the
    /// <c>Network</c> paths only, and the portgroup filter after it replaces them with the full set (the mapping keeps
    /// the last content of an object).
    /// </summary>
    /// <param name="viewForType">The ContainerView to walk for a type (one view per type, or one view for all).</param>
    /// <param name="apiVersion">The server's <c>about.apiVersion</c>.</param>
    public static IReadOnlyList<PropertyFilterSpec> PerTypeFilters(Func<string, ManagedObjectReference> viewForType, string? apiVersion)
    {
        ArgumentNullException.ThrowIfNull(viewForType);
        var specs = ForApiVersion(apiVersion);
        var filters = new PropertyFilterSpec[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            filters[i] = new PropertyFilterSpec([specs[i]], [ViewObjectSpec(viewForType(specs[i].Type))]);
        }

        return filters;
    }

    /// <summary>The legacy mode's alarm retrieval: the root folder's <c>triggeredAlarmState</c> alone.</summary>
    public static PropertyFilterSpec TriggeredAlarmFilter(ManagedObjectReference rootFolder)
    {
        ArgumentNullException.ThrowIfNull(rootFolder);
        return new PropertyFilterSpec([TriggeredAlarmSpec], [new ObjectSpec(rootFolder, Skip: false, [])]);
    }

    /// <summary>
    /// The retrieval of alarm definition names: <c>info.name</c> of each distinct <c>Alarm</c> reference. Null when
    /// there is no alarm to ask about (an empty object set is not worth a call).
    /// </summary>
    public static PropertyFilterSpec? AlarmNameFilter(IEnumerable<ManagedObjectReference> alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        var seen = new HashSet<ManagedObjectReference>();
        var objects = new List<ObjectSpec>();
        foreach (var alarm in alarms)
        {
            if (alarm is not null && seen.Add(alarm))
            {
                objects.Add(new ObjectSpec(alarm, Skip: false, []));
            }
        }

        return objects.Count == 0 ? null : new PropertyFilterSpec([AlarmNameSpec], objects);
    }
}
