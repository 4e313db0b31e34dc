using VcSync.Vim.Values;

namespace VcSync.Tests.Inventory;

/// <summary>Builds decoded vSphere values and ObjectContents by hand, the way the Vim client produces them.</summary>
internal static class Vim
{
    public static ManagedObjectReference Ref(string type, string value) => new(type, value);

    public static ObjectContent Obj(string type, string moref, params (string Path, object? Value)[] props)
    {
        var set = new List<DynamicProperty>(props.Length);
        foreach (var (path, value) in props)
        {
            set.Add(new DynamicProperty(path, value));
        }

        return new ObjectContent(Ref(type, moref), set, []);
    }

    public static ObjectContent WithMissing(ObjectContent content, params string[] paths)
    {
        var missing = new List<MissingProperty>();
        foreach (var path in paths)
        {
            missing.Add(new MissingProperty(path, "NoPermission", null));
        }

        return new ObjectContent(content.Obj, content.PropSet, missing);
    }

    public static DataObject Data(string typeName, params (string Name, object? Value)[] fields)
    {
        var list = new List<KeyValuePair<string, object?>>(fields.Length);
        foreach (var (name, value) in fields)
        {
            list.Add(new KeyValuePair<string, object?>(name, value));
        }

        return new DataObject(typeName, list);
    }

    public static IReadOnlyList<object?> List(params object?[] items) => items;

    public static DataObject IdInfo(string key, string value) =>
        Data("HostSystemIdentificationInfo",
            ("identifierValue", value),
            ("identifierType", Data("ElementDescription", ("label", key + " label"), ("summary", key + " summary"), ("key", key))));

    public static DataObject PortSetting(DataObject? vlan) =>
        vlan is null ? Data("VMwareDVSPortSetting", ("blocked", Data("BoolPolicy", ("inherited", false), ("value", false))))
                     : Data("VMwareDVSPortSetting", ("vlan", vlan));

    public static DataObject VlanId(object? id) =>
        Data("VmwareDistributedVirtualSwitchVlanIdSpec", ("inherited", false), ("vlanId", id));

    public static DataObject Pvlan(object? id) =>
        Data("VmwareDistributedVirtualSwitchPvlanSpec", ("inherited", false), ("pvlanId", id));

    public static DataObject Trunk(object? ranges) =>
        Data("VmwareDistributedVirtualSwitchTrunkVlanSpec", ("inherited", false), ("vlanId", ranges));

    public static DataObject Range(int start, int end) => Data("NumericRange", ("start", start), ("end", end));

    public static DataObject Mount(string host) =>
        Data("DatastoreHostMount", ("key", Ref("HostSystem", host)),
            ("mountInfo", Data("HostMountInfo", ("path", "/vmfs/volumes/x"), ("accessMode", "readWrite"))));

    public static DataObject AlarmState(string key, ManagedObjectReference entity, string alarm, string status = "red",
        DateTimeOffset? time = null, bool? acknowledged = false, string? by = null, DateTimeOffset? ackTime = null)
    {
        var fields = new List<(string, object?)>
        {
            ("key", key), ("entity", entity), ("alarm", Ref("Alarm", alarm)), ("overallStatus", status),
            ("time", time ?? new DateTimeOffset(2026, 11, 26, 3, 42, 18, 938, TimeSpan.Zero)),
        };
        if (acknowledged is not null)
        {
            fields.Add(("acknowledged", acknowledged));
        }

        if (by is not null)
        {
            fields.Add(("acknowledgedByUser", by));
        }

        if (ackTime is not null)
        {
            fields.Add(("acknowledgedTime", ackTime));
        }

        return Data("AlarmState", [.. fields]);
    }
}
