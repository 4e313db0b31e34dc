using VcSync.Inventory.Records;

namespace VcSync.Inventory.Live;

/// <summary>Compares two resolved snapshots record by record (records are values: an unchanged object compares equal).</summary>
internal static class InventoryDiff
{
    public static InventoryDelta Between(InventorySnapshot before, InventorySnapshot now)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        var clusters = Changed(before.Clusters, now.Clusters, r => r.Moref, deleted);
        var hosts = Changed(before.Hosts, now.Hosts, r => r.Moref, deleted);
        var vms = Changed(before.Vms, now.Vms, r => r.Moref, deleted);
        var datastores = Changed(before.Datastores, now.Datastores, r => r.Moref, deleted);
        var networks = Changed(before.Networks, now.Networks, r => r.Moref, deleted);
        IReadOnlyList<AlarmRecord>? alarms = null;
        if (now.Alarms is not null)
        {
            alarms = Changed(before.Alarms ?? [], now.Alarms, r => r.AlarmKey, deleted);
        }

        return new InventoryDelta
        {
            Changed = new InventorySnapshot
            {
                Clusters = clusters,
                Hosts = hosts,
                Vms = vms,
                Datastores = datastores,
                DatastoreHosts = ChangedChildren(before.DatastoreHosts, now.DatastoreHosts, r => r.DatastoreMoref, parents),
                Networks = networks,
                Alarms = alarms,
                TotalObjects = now.TotalObjects,
            },
            Deleted = deleted,
            Parents = parents,
        };
    }

    private static List<T> Changed<T>(IReadOnlyList<T> before, IReadOnlyList<T> now, Func<T, string> key, HashSet<string> deleted)
        where T : class
    {
        var old = new Dictionary<string, T>(before.Count, StringComparer.Ordinal);
        foreach (var record in before)
        {
            old[key(record)] = record;
        }

        var changed = new List<T>();
        foreach (var record in now)
        {
            var k = key(record);
            if (!old.Remove(k, out var previous) || !previous.Equals(record))
            {
                changed.Add(record);
            }
        }

        deleted.UnionWith(old.Keys);
        return changed;
    }

    // Child rows are compared per parent; a parent whose rows differ gets all its rows written.
    private static List<T> ChangedChildren<T>(IReadOnlyList<T> before, IReadOnlyList<T> now, Func<T, string> parentOf, HashSet<string> parents)
        where T : class
    {
        var old = Group(before, parentOf);
        var current = Group(now, parentOf);
        var rows = new List<T>();
        foreach (var (parent, children) in current)
        {
            if (!old.Remove(parent, out var previous) || !previous.SetEquals(children))
            {
                parents.Add(parent);
                rows.AddRange(children);
            }
        }

        parents.UnionWith(old.Keys);
        return rows;
    }

    private static Dictionary<string, HashSet<T>> Group<T>(IReadOnlyList<T> rows, Func<T, string> parentOf)
    {
        var groups = new Dictionary<string, HashSet<T>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var parent = parentOf(row);
            if (!groups.TryGetValue(parent, out var set))
            {
                groups[parent] = set = [];
            }

            set.Add(row);
        }

        return groups;
    }
}
