using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps a <c>Datastore</c> to a <see cref="DatastoreRecord"/> and its host mounts.</summary>
/// <remarks>A new column: a local, a <c>case</c> for its path (read with the method of its column's type), an initializer.</remarks>
internal static class DatastoreMapper
{
    public static MappedDatastore Map(ObjectContent content, PropertyReader read)
    {
        string? name = null, type = null, maintenance = null;
        long? capacity = null, free = null, uncommitted = null;
        string? url = null;
        bool? accessible = null;
        object? hostMounts = null;
        var vmCount = 0;
        var props = content.PropSet;
        for (var i = 0; i < props.Count; i++)
        {
            var p = props[i];
            switch (p.Name)
            {
                case Name: name = read.String(p); break;
                case DatastoreType: type = read.String(p); break;
                case DatastoreCapacity: capacity = read.Long(p); break;
                case DatastoreFreeSpace: free = read.Long(p); break;
                case DatastoreAccessible: accessible = read.Bool(p); break;
                case DatastoreMaintenanceMode: maintenance = read.String(p); break;
                case Host: hostMounts = p.Value; break;
                case Vm: vmCount = VimValue.Count(p.Value); break;
                case DatastoreUrl: url = read.String(p); break;
                case DatastoreUncommitted: uncommitted = read.Long(p); break;
                default: break;
            }
        }

        var mounts = VimValue.AsList(hostMounts);
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
            Url = url,
            UncommittedBytes = uncommitted,
            ProvisionedBytes = LenientValue.Add(LenientValue.Add(capacity, -free), uncommitted),
        };
        return new MappedDatastore(record, MountedHosts(mounts));
    }

    private static List<string> MountedHosts(IReadOnlyList<object?> mounts)
    {
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

        return hostMorefs;
    }
}
