using System.Collections.Frozen;

namespace VcSync.Vim.Values;

/// <summary>
/// The declared types of the fields and return values the client meets most, from the vim25 WSDL. A server writes
/// <c>xsi:type</c> only where the runtime type differs from the declared one, so without this a nested <c>vlanId</c> would be
/// a string and a one-element array a scalar. Fields not listed are inferred from their content.
/// </summary>
internal static class KnownTypes
{
    private static readonly FrozenDictionary<(string Owner, string Field), FieldType> Fields = new Dictionary<(string, string), FieldType>
    {
        [("RetrieveResult", "token")] = new("string", false),
        [("RetrieveResult", "objects")] = new("ObjectContent", true),
        [("ObjectContent", "obj")] = new("ManagedObjectReference", false),
        [("ObjectContent", "propSet")] = new("DynamicProperty", true),
        [("ObjectContent", "missingSet")] = new("MissingProperty", true),
        [("DynamicProperty", "name")] = new("string", false),
        [("MissingProperty", "path")] = new("string", false),
        [("MissingProperty", "fault")] = new("LocalizedMethodFault", false),
        [("LocalizedMethodFault", "fault")] = new("MethodFault", false),
        [("LocalizedMethodFault", "localizedMessage")] = new("string", false),
        [("UpdateSet", "version")] = new("string", false),
        [("UpdateSet", "truncated")] = new("boolean", false),
        [("UpdateSet", "filterSet")] = new("PropertyFilterUpdate", true),
        [("PropertyFilterUpdate", "filter")] = new("ManagedObjectReference", false),
        [("PropertyFilterUpdate", "objectSet")] = new("ObjectUpdate", true),
        [("PropertyFilterUpdate", "missingSet")] = new("MissingObject", true),
        [("ObjectUpdate", "kind")] = new("string", false),
        [("ObjectUpdate", "obj")] = new("ManagedObjectReference", false),
        [("ObjectUpdate", "changeSet")] = new("PropertyChange", true),
        [("ObjectUpdate", "missingSet")] = new("MissingProperty", true),
        [("PropertyChange", "name")] = new("string", false),
        [("PropertyChange", "op")] = new("string", false),
        [("MissingObject", "obj")] = new("ManagedObjectReference", false),
        [("MissingObject", "fault")] = new("LocalizedMethodFault", false),
        [("ServiceContent", "about")] = new("AboutInfo", false),
        [("TaskInfo", "error")] = new("LocalizedMethodFault", false),
        [("TaskInfo", "progress")] = new("int", false),
        [("TaskInfo", "cancelled")] = new("boolean", false),
        [("TaskInfo", "queueTime")] = new("dateTime", false),
        [("TaskInfo", "startTime")] = new("dateTime", false),
        [("TaskInfo", "completeTime")] = new("dateTime", false),
        [("UserSession", "loginTime")] = new("dateTime", false),
        [("UserSession", "lastActiveTime")] = new("dateTime", false),
        [("DatastoreHostMount", "key")] = new("ManagedObjectReference", false),
        [("DatastoreHostMount", "mountInfo")] = new("HostMountInfo", false),
        [("HostMountInfo", "mounted")] = new("boolean", false),
        [("HostMountInfo", "accessible")] = new("boolean", false),
        [("HostSystemIdentificationInfo", "identifierValue")] = new("string", false),
        [("HostSystemIdentificationInfo", "identifierType")] = new("ElementDescription", false),
        [("VmwareDistributedVirtualSwitchVlanIdSpec", "vlanId")] = new("int", false),
        [("VmwareDistributedVirtualSwitchVlanIdSpec", "inherited")] = new("boolean", false),
        [("VmwareDistributedVirtualSwitchTrunkVlanSpec", "vlanId")] = new("NumericRange", true),
        [("VmwareDistributedVirtualSwitchTrunkVlanSpec", "inherited")] = new("boolean", false),
        [("VmwareDistributedVirtualSwitchPvlanSpec", "pvlanId")] = new("int", false),
        [("VmwareDistributedVirtualSwitchPvlanSpec", "inherited")] = new("boolean", false),
        [("NumericRange", "start")] = new("int", false),
        [("NumericRange", "end")] = new("int", false),
        [("AlarmState", "entity")] = new("ManagedObjectReference", false),
        [("AlarmState", "alarm")] = new("ManagedObjectReference", false),
        [("AlarmState", "time")] = new("dateTime", false),
        [("AlarmState", "acknowledged")] = new("boolean", false),
        [("AlarmState", "acknowledgedTime")] = new("dateTime", false),
        [("GuestInfo", "net")] = new("GuestNicInfo", true),
        [("GuestNicInfo", "ipAddress")] = new("string", true),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, FieldType> Returns = new Dictionary<string, FieldType>(StringComparer.Ordinal)
    {
        ["RetrieveServiceContent"] = new("ServiceContent", false),
        ["Login"] = new("UserSession", false),
        ["RetrievePropertiesEx"] = new("RetrieveResult", false),
        ["ContinueRetrievePropertiesEx"] = new("RetrieveResult", false),
        ["RetrieveProperties"] = new("ObjectContent", true),
        ["WaitForUpdatesEx"] = new("UpdateSet", false),
        ["WaitForUpdates"] = new("UpdateSet", false),
        ["CheckForUpdates"] = new("UpdateSet", false),
        ["CurrentTime"] = new("dateTime", false),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Owners = Fields.Keys.Select(key => key.Owner).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether any field of <paramref name="owner"/> is listed.</summary>
    public static bool IsOwner(string owner) => Owners.Contains(owner);

    public static FieldType? Field(string owner, string field) =>
        owner.Length > 0 && Fields.TryGetValue((owner, field), out var type) ? type : null;

    public static FieldType? Return(string method) => Returns.TryGetValue(method, out var type) ? type : null;
}
