namespace VcSync.Vim.PropertyCollector;

/// <summary>How the collector walks from an object of <paramref name="Type"/> along <paramref name="Path"/> to more objects.</summary>
/// <param name="Name">The traversal's name.</param>
/// <param name="Type">The managed type the traversal starts from, e.g. <c>ContainerView</c>.</param>
/// <param name="Path">The property to follow, e.g. <c>view</c>.</param>
/// <param name="Skip">Whether to leave the objects reached out of the result.</param>
/// <param name="SelectSet">Further traversals from the objects reached.</param>
public sealed record TraversalSpec(string? Name, string Type, string Path, bool Skip, IReadOnlyList<SelectionSpec> SelectSet)
    : SelectionSpec(Name);
