namespace VcSync.Vim.PropertyCollector;

/// <summary>Which properties to collect for objects of one managed type.</summary>
/// <param name="Type">The managed object type, e.g. <c>VirtualMachine</c>.</param>
/// <param name="PathSet">The property paths to collect.</param>
public sealed record PropertySpec(string Type, IReadOnlyList<string> PathSet);
