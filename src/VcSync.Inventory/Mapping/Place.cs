using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>A container in the inventory tree (folder, datacenter, compute resource, resource pool): its name and parent.</summary>
internal sealed record Place(string Name, ManagedObjectReference? Parent);
