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

        // A parent whose rows differ in any child table has its rows of every child table written (the store replaces them all).
        NoteChangedParents(before.DatastoreHosts, now.DatastoreHosts, r => r.DatastoreMoref, parents);
        NoteChangedParents(before.VmNics, now.VmNics, r => r.VmMoref, parents);
        NoteChangedParents(before.VmDisks, now.VmDisks, r => r.VmMoref, parents);
        NoteChangedParents(before.VmPartitions, now.VmPartitions, r => r.VmMoref, parents);
        NoteChangedParents(before.VmSnapshots, now.VmSnapshots, r => r.VmMoref, parents);
        NoteChangedParents(before.HostPortgroups, now.HostPortgroups, r => r.HostMoref, parents);
        return new InventoryDelta
        {
            Changed = new InventorySnapshot
            {
                Clusters = clusters,
                Hosts = hosts,
                Vms = vms,
                Datastores = datastores,
                DatastoreHosts = RowsOf(now.DatastoreHosts, r => r.DatastoreMoref, parents) ?? [],
                Networks = networks,
                Alarms = alarms,
                VmNics = RowsOf(now.VmNics, r => r.VmMoref, parents),
                VmDisks = RowsOf(now.VmDisks, r => r.VmMoref, parents),
                VmPartitions = RowsOf(now.VmPartitions, r => r.VmMoref, parents),
                VmSnapshots = RowsOf(now.VmSnapshots, r => r.VmMoref, parents),
                HostPortgroups = RowsOf(now.HostPortgroups, r => r.HostMoref, parents),
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

    // Child rows are compared per parent: a parent whose set of rows differs (or that has none now) is noted.
    private static void NoteChangedParents<T>(IReadOnlyList<T>? before, IReadOnlyList<T>? now, Func<T, string> parentOf, HashSet<string> parents)
        where T : class
    {
        if (now is null)
        {
            return;
        }

        var old = Group(before ?? [], parentOf);
        foreach (var (parent, children) in Group(now, parentOf))
        {
            if (!old.Remove(parent, out var previous) || !previous.SetEquals(children))
            {
                parents.Add(parent);
            }
        }

        parents.UnionWith(old.Keys);
    }

    private static List<T>? RowsOf<T>(IReadOnlyList<T>? now, Func<T, string> parentOf, HashSet<string> parents)
    {
        if (now is null)
        {
            return null;
        }

        var rows = new List<T>();
        foreach (var row in now)
        {
            if (parents.Contains(parentOf(row)))
            {
                rows.Add(row);
            }
        }

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
