using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>One object of an update set.</summary>
/// <param name="Kind">Enter, leave or modify.</param>
/// <param name="Obj">The object.</param>
/// <param name="Changes">Its changed properties (every set property on enter; none on leave).</param>
/// <param name="MissingSet">Properties the server could not report.</param>
public sealed record ObjectUpdate(
    ObjectUpdateKind Kind, ManagedObjectReference Obj, IReadOnlyList<PropertyChange> Changes, IReadOnlyList<MissingProperty> MissingSet);
