namespace VcSync.Vim.PropertyCollector;

/// <summary>One PropertyCollector query: which properties of which types, from which starting objects.</summary>
/// <param name="PropSet">The properties per type.</param>
/// <param name="ObjectSet">The starting objects and traversals.</param>
public sealed record PropertyFilterSpec(IReadOnlyList<PropertySpec> PropSet, IReadOnlyList<ObjectSpec> ObjectSet);
