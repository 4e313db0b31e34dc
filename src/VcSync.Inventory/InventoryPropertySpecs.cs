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
        Types.Folder,
        Types.Datacenter,
        Types.ComputeResource,
        Types.ResourcePool,
    ];

    private static readonly string[] VmPaths =
    [
        Name, VmUuid, VmNumCpu, VmMemoryMb, VmTemplate, VmPowerState, VmHost,
        VmIpAddress, VmToolsStatus, VmToolsVersionStatus, VmGuestFullName, VmUncommitted,
        Parent, VmResourcePool, VmAnnotation, VmHardwareVersion, VmFirmware, VmConnectionState, VmBootTime,
        VmGuestHostName, VmGuestState, VmConfigGuestId, VmToolsGuestId, VmToolsGuestFullName, VmToolsVersion,
        VmToolsRunningStatus, VmGuestNet, VmGuestDisk, VmCoresPerSocket, VmCommitted, VmUnshared, VmCpuAllocation,
        VmMemoryAllocation, VmDevices, VmSnapshot, CustomValue,
    ];

    // config.bootOptions.efiSecureBootEnabled exists from API 6.5, config.createDate from 6.7.
    private static readonly string[] VmPaths65 = [.. VmPaths, VmSecureBoot];

    private static readonly string[] VmPaths67 = [.. VmPaths65, VmCreateDate];

    private static readonly string[] HostPaths =
    [
        Name, Parent, HostOtherIdentifyingInfo, HostProductVersion, HostProductBuild,
        HostConnectionState, HostInMaintenanceMode, HostVendor, HostModel, HostCpuModel, HostCpuMhz, HostCpuPackages,
        HostCpuCores, HostCpuThreads, HostMemorySize, HostNumNics, HostNumHbas, HostBiosInfo, HostBootTime, HostPortgroups,
    ];

    private static readonly string[] HostPathsWithSerial = [.. HostPaths, HostSerialNumber];

    private static readonly string[] ClusterPaths =
    [
        Name, ClusterTotalCpu, ClusterEffectiveCpu, ClusterTotalMemory, ClusterEffectiveMemory, ClusterNumHosts,
        ClusterNumEffectiveHosts, ClusterOverallStatus, ClusterHaEnabled, ClusterDrsEnabled, ClusterDrsBehavior, Parent,
    ];

    private static readonly string[] DatastorePaths =
    [
        Name, DatastoreType, DatastoreCapacity, DatastoreFreeSpace, DatastoreAccessible, DatastoreMaintenanceMode,
        Host, Vm, Parent, DatastoreUrl, DatastoreUncommitted,
    ];

    private static readonly string[] NetworkPaths = [Name, Host, Vm, Parent];

    // A portgroup is also a Network: it carries the Network paths too (each once), so that a retrieval of the
    // portgroup type alone (legacy mode) is complete.
    private static readonly string[] PortgroupPaths =
        [Name, Host, Vm, Parent, PortgroupSwitch, PortgroupUplink, PortgroupDefaultPortConfig, PortgroupKey];

    private static readonly string[] SwitchPaths = [Name, SwitchUuid];

    // Where things are: folder and datacenter names for the folder paths, compute resources (a standalone host's
    // parent) and resource pools by name. A StoragePod is a Folder; a VirtualApp is a ResourcePool.
    private static readonly string[] PlacePaths = [Name, Parent];

    private static readonly string[] PoolPaths = [Name];

    /// <summary>
    /// Whether the server has <c>hardware.systemInfo.serialNumber</c> (API 6.7 and later). A version that cannot be
    /// parsed counts as older: leaving the path out only loses the fallback-free serial, asking an older server for
    /// it fails the whole call.
    /// </summary>
    public static bool HasHostSerialNumber(string? apiVersion) =>
        ApiVersion.TryParse(apiVersion, out var version) && version >= ApiVersion.V67;

    /// <summary>
    /// The property specs of the inventory types for a server of <paramref name="apiVersion"/>
    /// (<c>about.apiVersion</c>), one per type: the places (folders, datacenters, compute resources, resource pools),
    /// then in dependency order clusters, hosts, VMs, datastores, networks, portgroups, switches.
    /// </summary>
    public static IReadOnlyList<PropertySpec> ForApiVersion(string? apiVersion)
    {
        var parsed = ApiVersion.TryParse(apiVersion, out var version);
        var vmPaths = parsed && version >= ApiVersion.V67 ? VmPaths67
            : parsed && version >= ApiVersion.V65 ? VmPaths65
            : VmPaths;
        // The places come first: in the legacy mode's one retrieval per type, a view of ComputeResource also returns the
        // clusters (with the place paths only), and the clusters' own retrieval after it must have the last word.
        return
        [
            new PropertySpec(Types.Folder, PlacePaths),
            new PropertySpec(Types.Datacenter, PlacePaths),
            new PropertySpec(Types.ComputeResource, PlacePaths),
            new PropertySpec(Types.ResourcePool, PoolPaths),
            new PropertySpec(Types.ClusterComputeResource, ClusterPaths),
            new PropertySpec(Types.HostSystem, HasHostSerialNumber(apiVersion) ? HostPathsWithSerial : HostPaths),
            new PropertySpec(Types.VirtualMachine, vmPaths),
            new PropertySpec(Types.Datastore, DatastorePaths),
            new PropertySpec(Types.Network, NetworkPaths),
            new PropertySpec(Types.DistributedVirtualPortgroup, PortgroupPaths),
            new PropertySpec(Types.DistributedVirtualSwitch, SwitchPaths),
        ];
    }

    /// <summary>
    /// The values trimmed while the pages stream in: of <c>config.hardware.device</c> only the NICs, disks and their
    /// controllers are decoded, without the fields the mapping never reads (a device's <c>summary</c>, a controller's
    /// <c>device</c> list, a port's <c>switchUuid</c>, ...: a third of what is left of a device); of <c>guest.net</c> the IP
    /// stack details (<c>ipConfig</c>, <c>dnsConfig</c>, <c>netBIOSConfig</c>) are skipped. Pass them as
    /// <see cref="RetrieveOptions.ValueFilters"/>. <c>ValueFilterDifferentialTests</c> holds the snapshot to the unfiltered one.
    /// </summary>
    public static IReadOnlyList<PropertyValueFilter> ValueFilters { get; } =
    [
        new(VmDevices, DeviceKinds.IsWanted, [
            "slotInfo", "resourceAllocation", "vDiskId", "iofilter", "storageIOAllocation", "parent", "keyId",
            "summary", "busNumber", "device", "hotAddRemove", "sharedBus", "scsiCtlrUnitNumber", "split", "writeThrough",
            "switchUuid", "portKey", "connectionCookie", "addressType", "wakeOnLanEnabled", "allowGuestControl", "status"]),
        new(VmGuestNet, null, ["ipConfig", "dnsConfig", "netBIOSConfig"]),
    ];

    /// <summary>The custom attribute definitions (<c>CustomFieldsManager.field</c>), which name <c>customValue</c> keys.</summary>
    public static PropertySpec CustomFieldSpec { get; } = new("CustomFieldsManager", [CustomFieldDefinitions]);

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
    /// <param name="customFieldsManager">
    /// The <c>customFieldsManager</c> of the service content, to name the custom attributes in the same retrieval;
    /// null to leave their names out.
    /// </param>
    public static PropertyFilterSpec InventoryFilter(
        ManagedObjectReference view, string? apiVersion, ManagedObjectReference? rootFolder, ManagedObjectReference? customFieldsManager = null)
    {
        var props = new List<PropertySpec>(ForApiVersion(apiVersion));
        var objects = new List<ObjectSpec>(3) { ViewObjectSpec(view) };
        if (rootFolder is not null)
        {
            props.Add(TriggeredAlarmSpec);
            objects.Add(new ObjectSpec(rootFolder, Skip: false, []));
        }

        if (customFieldsManager is not null)
        {
            props.Add(CustomFieldSpec);
            objects.Add(new ObjectSpec(customFieldsManager, Skip: false, []));
        }

        return new PropertyFilterSpec(props, objects);
    }

    /// <summary>
    /// The first of a streamed full sync's two retrievals through one <paramref name="view"/>: what
    /// <see cref="InventoryFilter"/> asks, but the VMs. A few thousand small objects, which the VMs' names refer to (host,
    /// cluster, folder, pool, networks, datastores, custom attributes), so that each page of VMs of the second retrieval
    /// (<see cref="VmFilter"/>) can be resolved and written as it arrives.
    /// </summary>
    public static PropertyFilterSpec AllButVmsFilter(
        ManagedObjectReference view, string? apiVersion, ManagedObjectReference? rootFolder, ManagedObjectReference? customFieldsManager = null)
    {
        var all = InventoryFilter(view, apiVersion, rootFolder, customFieldsManager);
        return all with { PropSet = [.. all.PropSet.Where(p => !string.Equals(p.Type, Types.VirtualMachine, StringComparison.Ordinal))] };
    }

    /// <summary>The second of a streamed full sync's retrievals (see <see cref="AllButVmsFilter"/>): the VMs through <paramref name="view"/>.</summary>
    public static PropertyFilterSpec VmFilter(ManagedObjectReference view, string? apiVersion) =>
        new([.. ForApiVersion(apiVersion).Where(p => string.Equals(p.Type, Types.VirtualMachine, StringComparison.Ordinal))], [ViewObjectSpec(view)]);

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
