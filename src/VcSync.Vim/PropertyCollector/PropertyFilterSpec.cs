using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>One PropertyCollector query: which properties of which types, from which starting objects.</summary>
/// <param name="PropSet">The properties per type.</param>
/// <param name="ObjectSet">The starting objects and traversals.</param>
public sealed record PropertyFilterSpec(IReadOnlyList<PropertySpec> PropSet, IReadOnlyList<ObjectSpec> ObjectSet)
{
    /// <summary>Whether objects that vanished are reported in <c>missingSet</c> (<c>reportMissingObjectsInResults</c>); unset sends nothing.</summary>
    public bool? ReportMissingObjectsInResults { get; init; }

    /// <summary>
    /// The usual inventory query: every object of a container view (the view itself skipped) with the given properties per type
    /// (govmomi <c>view/container_view.go</c>).
    /// </summary>
    public static PropertyFilterSpec ForContainerView(ManagedObjectReference view, params IReadOnlyList<PropertySpec> propSet)
    {
        ArgumentNullException.ThrowIfNull(view);
        var traversal = new TraversalSpec("traverseEntities", "ContainerView", "view", false, []);
        return new PropertyFilterSpec(propSet, [new ObjectSpec(view, true, [traversal])]);
    }
}
