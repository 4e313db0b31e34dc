namespace VcSync.Vim.PropertyCollector;

/// <summary>Which properties to collect for objects of one managed type.</summary>
/// <param name="Type">The managed object type, e.g. <c>VirtualMachine</c>.</param>
/// <param name="PathSet">The property paths to collect.</param>
public sealed record PropertySpec(string Type, IReadOnlyList<string> PathSet)
{
    /// <summary>Whether to collect every property of the type (<c>all</c>); unset sends nothing, which the server reads as false.</summary>
    public bool? All { get; init; }
}
