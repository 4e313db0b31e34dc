using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>Where a collection starts: an object, whether to report it, and how to walk from it.</summary>
/// <param name="Obj">The starting object.</param>
/// <param name="Skip">Whether to leave the starting object itself out of the result.</param>
/// <param name="SelectSet">Traversals from the starting object.</param>
public sealed record ObjectSpec(ManagedObjectReference Obj, bool Skip, IReadOnlyList<SelectionSpec> SelectSet);
