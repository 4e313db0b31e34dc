using System.Text;
using VcSync.Vim.Values;
using static VcSync.Inventory.InventoryPaths;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Where an object sits: its datacenter, and its folder path below the datacenter's hidden type folder
/// (<c>vm</c>, <c>host</c>, <c>datastore</c>, <c>network</c>), as <c>/Production/Web</c> (<c>/</c> directly in the type
/// folder). Compute resources and datastore clusters on the way are not folders of the path. Names are used exactly as
/// vSphere returns them (a <c>/</c> in a name comes escaped as <c>%2f</c>). Parents shared by many objects are walked once.
/// </summary>
internal sealed class FolderPaths
{
    private const int MaxDepth = 256;

    private readonly IReadOnlyDictionary<ManagedObjectReference, Place> _places;
    private readonly Dictionary<ManagedObjectReference, (string? Datacenter, string? Path)> _cache = [];

    public FolderPaths(IReadOnlyDictionary<ManagedObjectReference, Place> places)
    {
        _places = places;
    }

    /// <summary>The datacenter and folder path of an object whose <c>parent</c> is <paramref name="parent"/>; nulls when unknown.</summary>
    public (string? Datacenter, string? Path) Of(ManagedObjectReference? parent)
    {
        if (parent is null)
        {
            return (null, null);
        }

        if (_cache.TryGetValue(parent, out var known))
        {
            return known;
        }

        var folders = new List<string>();
        string? datacenter = null;
        var current = parent;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (!_places.TryGetValue(current, out var place))
            {
                break;
            }

            if (string.Equals(current.Type, Types.Datacenter, StringComparison.Ordinal))
            {
                datacenter = place.Name;
                break;
            }

            if (string.Equals(current.Type, Types.Folder, StringComparison.Ordinal))
            {
                folders.Add(place.Name);
            }

            current = place.Parent;
        }

        var result = datacenter is null ? (null, null) : (datacenter, Join(folders));
        _cache[parent] = result;
        return result;
    }

    // folders runs from the object up; the last one is the datacenter's hidden type folder.
    private static string Join(List<string> folders)
    {
        if (folders.Count <= 1)
        {
            return "/";
        }

        var builder = new StringBuilder();
        for (var i = folders.Count - 2; i >= 0; i--)
        {
            builder.Append('/').Append(folders[i]);
        }

        return builder.ToString();
    }
}
