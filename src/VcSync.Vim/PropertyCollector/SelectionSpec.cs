namespace VcSync.Vim.PropertyCollector;

/// <summary>A named reference to a traversal, or the base of <see cref="TraversalSpec"/>.</summary>
/// <param name="Name">The name other specs use to refer to this one; may be null.</param>
public record SelectionSpec(string? Name);
