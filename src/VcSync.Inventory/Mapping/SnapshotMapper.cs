using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>Flattens a VM's <c>snapshot</c> (<c>VirtualMachineSnapshotInfo</c>) tree to one record per snapshot, parents first.</summary>
internal static class SnapshotMapper
{
    /// <summary>The deepest tree level read; vSphere allows 32 snapshots in a chain.</summary>
    private const int MaxDepth = 64;

    public static List<VmSnapshotRecord> Map(string vmMoref, object? snapshotInfo)
    {
        var snapshots = new List<VmSnapshotRecord>();
        if (snapshotInfo is not DataObject info)
        {
            return snapshots;
        }

        var current = (info["currentSnapshot"] as ManagedObjectReference)?.Value;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(DataObject Tree, string? Parent, int Depth)>();
        var roots = VimValue.AsList(info["rootSnapshotList"]);
        for (var i = roots.Count - 1; i >= 0; i--)
        {
            if (roots[i] is DataObject root)
            {
                pending.Push((root, null, 0));
            }
        }

        while (pending.Count > 0)
        {
            var (tree, parent, depth) = pending.Pop();
            if ((tree["snapshot"] as ManagedObjectReference)?.Value is not { Length: > 0 } moref || !seen.Add(moref))
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

            var children = VimValue.AsList(tree["childSnapshotList"]);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i] is DataObject child)
                {
                    pending.Push((child, moref, depth + 1));
                }
            }
        }

        return snapshots;
    }
}
