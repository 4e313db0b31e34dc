using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>Flattens a VM's <c>snapshot</c> (<c>VirtualMachineSnapshotInfo</c>) tree to one record per snapshot, parents first.</summary>
internal static class SnapshotMapper
{
    /// <summary>The deepest tree level read; vSphere allows 32 snapshots in a chain.</summary>
    private const int MaxDepth = 64;

    public static VmSnapshotRecord[] Map(string vmMoref, object? snapshotInfo, MapScratch scratch)
    {
        if (snapshotInfo is not DataObject info)
        {
            return [];
        }

        var snapshots = scratch.Snapshots;
        var pending = scratch.PendingSnapshots;
        snapshots.Clear();
        pending.Clear();
        var current = (info["currentSnapshot"] as ManagedObjectReference)?.Value;
        var roots = ValueItems.Of(info["rootSnapshotList"]);
        for (var i = roots.Length - 1; i >= 0; i--)
        {
            if (roots[i] is DataObject root)
            {
                pending.Push((root, null, 0));
            }
        }

        while (pending.Count > 0)
        {
            var (tree, parent, depth) = pending.Pop();
            // A repeated snapshot is kept once, where it came first.
            if ((tree["snapshot"] as ManagedObjectReference)?.Value is not { Length: > 0 } moref || Has(snapshots, moref))
            {
                continue;
            }

            snapshots.Add(new VmSnapshotRecord
            {
                VmMoref = vmMoref,
                SnapshotMoref = moref,
                Name = String(tree["name"]),
                Description = String(tree["description"]),
                SnapshotId = Int(tree["id"]),
                CreatedAt = Utc(tree["createTime"]),
                State = String(tree["state"]),
                Quiesced = Bool(tree["quiesced"]),
                ParentSnapshotMoref = parent,
                IsCurrent = string.Equals(moref, current, StringComparison.Ordinal),
                Depth = depth,
            });
            if (depth >= MaxDepth)
            {
                continue;
            }

            var children = ValueItems.Of(tree["childSnapshotList"]);
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is DataObject child)
                {
                    pending.Push((child, moref, depth + 1));
                }
            }
        }

        return snapshots.ToArray();
    }

    private static bool Has(List<VmSnapshotRecord> snapshots, string moref)
    {
        foreach (var snapshot in snapshots)
        {
            if (string.Equals(snapshot.SnapshotMoref, moref, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
