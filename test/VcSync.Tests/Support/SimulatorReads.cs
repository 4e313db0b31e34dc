using VcSync.Simulator;
using VcSync.Vim;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Tests.Support;

/// <summary>
/// What the simulator holds, read object by object with plain <c>RetrieveProperties</c> calls: no container-view
/// traversal and none of the sync's property specs or mapping. Whole properties (<c>summary</c>, <c>config</c>, ...)
/// are read so that the expected values are picked out by the test itself.
/// </summary>
public sealed class SimulatorReads
{
    private static readonly string[] EntityTypes =
        ["ClusterComputeResource", "HostSystem", "VirtualMachine", "Datastore", "Network", "DistributedVirtualSwitch"];

    // The containers of the tree, read for their names and parents (folder paths, datacenters, datastore clusters,
    // resource pools). A view of Folder also lists StoragePods, of ResourcePool also vApps, of ComputeResource also clusters.
    private static readonly string[] PlaceTypes = ["Folder", "Datacenter", "ComputeResource", "ResourcePool"];

    private SimulatorReads(
        Dictionary<string, IReadOnlyList<ObjectContent>> byType,
        AboutInfo about,
        IReadOnlyList<DataObject> alarmStates,
        IReadOnlyDictionary<string, string> alarmNames,
        IReadOnlyDictionary<ManagedObjectReference, ObjectContent> places,
        IReadOnlyDictionary<int, string> customFields)
    {
        Places = places;
        CustomFields = customFields;
        ByType = byType;
        About = about;
        TriggeredAlarms = alarmStates;
        AlarmNames = alarmNames;
    }

    /// <summary>The objects of each type (<c>Network</c> includes its subtypes).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ObjectContent>> ByType { get; }

    public AboutInfo About { get; }

    /// <summary>The root folder's <c>triggeredAlarmState</c> (every triggered alarm of the inventory, propagated up).</summary>
    public IReadOnlyList<DataObject> TriggeredAlarms { get; }

    /// <summary>Alarm moref value → <c>info.name</c>.</summary>
    public IReadOnlyDictionary<string, string> AlarmNames { get; }

    /// <summary>Folders (and StoragePods), datacenters, compute resources (and clusters), resource pools (and vApps): name and parent.</summary>
    public IReadOnlyDictionary<ManagedObjectReference, ObjectContent> Places { get; }

    /// <summary><c>CustomFieldsManager.field</c>: key → name.</summary>
    public IReadOnlyDictionary<int, string> CustomFields { get; }

    public IReadOnlyList<ObjectContent> Of(string type) => ByType[type];

    /// <summary>Reads everything the contract tables hold from <paramref name="simulator"/>.</summary>
    public static async Task<SimulatorReads> ReadAsync(SimulatorProcess simulator)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = simulator.SdkUrl, Thumbprint = simulator.Thumbprint }, ct);
        await client.LoginAsync(simulator.Username, simulator.Password, ct);
        var byType = new Dictionary<string, IReadOnlyList<ObjectContent>>();
        foreach (var type in EntityTypes)
        {
            var morefs = await ListAsync(client, type, ct);
            byType[type] = await ReadObjectsAsync(client, morefs, PropertySpecs(type), ct);
        }

        var root = client.ServiceContent.RootFolder;
        var rootContent = await ReadObjectsAsync(client, [root], [new PropertySpec("Folder", ["triggeredAlarmState"])], ct);
        var states = AsList(rootContent.Single()["triggeredAlarmState"]).Cast<DataObject>().ToList();
        var alarms = states.Select(s => (ManagedObjectReference)s["alarm"]!).DistinctBy(a => a.Value).ToList();
        var alarmContents = await ReadObjectsAsync(client, alarms, [new PropertySpec("Alarm", ["info"])], ct);
        var names = alarmContents.ToDictionary(c => c.Obj.Value, c => (string)((DataObject)c["info"]!)["name"]!);
        var places = new Dictionary<ManagedObjectReference, ObjectContent>();
        foreach (var type in PlaceTypes)
        {
            var morefs = await ListAsync(client, type, ct);
            foreach (var place in await ReadObjectsAsync(client, morefs, [new PropertySpec("ManagedEntity", ["name", "parent"])], ct))
            {
                places[place.Obj] = place;
            }
        }

        var fieldsManager = (ManagedObjectReference)client.ServiceContent.Content["customFieldsManager"]!;
        var fields = await ReadObjectsAsync(client, [fieldsManager], [new PropertySpec("CustomFieldsManager", ["field"])], ct);
        var customFields = AsList(fields.Single()["field"]).Cast<DataObject>()
            .ToDictionary(f => Convert.ToInt32(f["key"], System.Globalization.CultureInfo.InvariantCulture), f => (string)f["name"]!);
        return new SimulatorReads(byType, client.ServiceContent.About, states, names, places, customFields);
    }

    /// <summary>A property value that is a list (a missing array property is an empty list).</summary>
    public static IReadOnlyList<object?> AsList(object? value) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        System.Collections.IEnumerable items and not string => items.Cast<object?>().ToList(),
        _ => [value],
    };

    private static IReadOnlyList<PropertySpec> PropertySpecs(string type) => type switch
    {
        "ClusterComputeResource" => [new(type, ["name", "summary", "configuration", "parent"])],
        "HostSystem" => [new(type, ["name", "parent", "hardware.systemInfo", "config.product", "runtime", "summary", "hardware.biosInfo", "config.network"])],
        "VirtualMachine" => [new(type, ["name", "config", "runtime", "guest", "summary", "parent", "resourcePool", "snapshot", "customValue"])],
        // summary.uncommitted also as a leaf: inside a whole summary an xsd:long of 0 is left out (omitempty).
        "Datastore" => [new(type, ["name", "summary", "host", "vm", "parent", "summary.uncommitted"])],
        "Network" =>
        [
            new("Network", ["name", "host", "vm", "parent"]),
            new("DistributedVirtualPortgroup", ["config", "key"]),
        ],
        "DistributedVirtualSwitch" => [new(type, ["name", "uuid"])],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static ObjectContent ToObjectContent(object? item) => item switch
    {
        ObjectContent content => content,
        DataObject data => new ObjectContent(
            (ManagedObjectReference)data["obj"]!,
            AsList(data["propSet"]).Cast<DataObject>().Select(p => new DynamicProperty((string)p["name"]!, p["val"])).ToList(),
            []),
        _ => throw new InvalidOperationException($"RetrieveProperties returned {item?.GetType().Name ?? "null"}."),
    };

    /// <summary>Every object of <paramref name="type"/>: a one-type container view's <c>view</c> property.</summary>
    private static async Task<List<ManagedObjectReference>> ListAsync(VimClient client, string type, CancellationToken ct)
    {
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, [type], true, ct);
        try
        {
            var content = await ReadObjectsAsync(client, [view], [new PropertySpec("ContainerView", ["view"])], ct);
            return AsList(content.Single()["view"]).Cast<ManagedObjectReference>().ToList();
        }
        finally
        {
            await client.DestroyViewAsync(view, ct);
        }
    }

    /// <summary>Plain <c>RetrieveProperties</c> of the listed objects, one object spec each, no traversal.</summary>
    private static async Task<IReadOnlyList<ObjectContent>> ReadObjectsAsync(
        VimClient client, IReadOnlyList<ManagedObjectReference> objects, IReadOnlyList<PropertySpec> properties, CancellationToken ct)
    {
        if (objects.Count == 0)
        {
            return [];
        }

        var spec = new PropertyFilterSpec(properties, objects.Select(o => new ObjectSpec(o, false, [])).ToList());
        var result = await client.InvokeAsync("RetrieveProperties", client.ServiceContent.PropertyCollector, [new("specSet", new[] { spec })], ct);
        var contents = AsList(result).Select(ToObjectContent).ToList();
        Assert.Equal(objects.Count, contents.Count);
        return contents;
    }
}
