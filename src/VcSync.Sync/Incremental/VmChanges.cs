using VcSync.Inventory;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Sync.Incremental;

/// <summary>
/// What a change collector reported since the cursor, sorted for the partial sync: VMs that entered or changed, VMs
/// that left, and whether anything else changed in a way a VM's rows depend on (which needs a full sync).
/// </summary>
internal sealed class VmChanges
{
    // Paths of other objects that VM rows are resolved from (names, places, networks, VLANs, custom attribute names).
    // A change of any other path (a datastore's free space, a host's state) is written by the partial sync's read of
    // every object but the VMs and touches no VM row.
    private static readonly HashSet<string> PathsVmsDependOn = new(StringComparer.Ordinal)
    {
        "name", "parent", "resourcePool", "key", "uuid", "field",
        "config.network.portgroup", "config.distributedVirtualSwitch", "config.defaultPortConfig", "config.uplink",
    };

    /// <summary>VMs that entered the view or changed: read again.</summary>
    public HashSet<string> Changed { get; } = new(StringComparer.Ordinal);

    /// <summary>VMs that left the view: deleted.</summary>
    public HashSet<string> Gone { get; } = new(StringComparer.Ordinal);

    /// <summary>VMs that entered the view (created or moved in).</summary>
    public int Entered { get; private set; }

    /// <summary>Objects reported, of every type.</summary>
    public int Objects { get; private set; }

    /// <summary>Why a partial sync cannot do, or null.</summary>
    public string? NeedsFullSync { get; private set; }

    public void Add(ObjectUpdate update)
    {
        Objects++;
        if (update.Obj.Type == InventoryPaths.Types.VirtualMachine)
        {
            switch (update.Kind)
            {
                case ObjectUpdateKind.Leave:
                    Changed.Remove(update.Obj.Value);
                    Gone.Add(update.Obj.Value);
                    break;
                case ObjectUpdateKind.Enter:
                    Entered++;
                    Gone.Remove(update.Obj.Value);
                    Changed.Add(update.Obj.Value);
                    break;
                default:
                    Changed.Add(update.Obj.Value);
                    break;
            }

            return;
        }

        if (update.Kind != ObjectUpdateKind.Modify)
        {
            NeedsFullSync ??= $"a {update.Obj.Type} {(update.Kind == ObjectUpdateKind.Enter ? "appeared" : "went")}";
            return;
        }

        foreach (var change in update.Changes)
        {
            var top = change.Name;
            var bracket = top.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                top = top[..bracket];
            }

            if (PathsVmsDependOn.Contains(top))
            {
                NeedsFullSync ??= $"{change.Name} of a {update.Obj.Type} changed";
            }
        }
    }
}
