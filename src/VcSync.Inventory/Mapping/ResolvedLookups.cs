using VcSync.Inventory.Records;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// What a full resolve built to name a VM's references: folder paths, resolved hosts, networks and datastore names.
/// Still true after changes to VMs alone, so those VMs can be resolved without resolving the whole inventory again.
/// </summary>
internal sealed record ResolvedLookups(
    FolderPaths Places,
    Dictionary<string, HostRecord> Hosts,
    Dictionary<string, NetworkRecord> Networks,
    Dictionary<string, string> DatastoreNames);
