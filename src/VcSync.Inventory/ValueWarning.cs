namespace VcSync.Inventory;

/// <summary>
/// A property value that arrived but cannot be stored in its column: of another type than the property's, out of
/// the column's range, or text that does not parse as its <c>xsi:type</c>. The column is left unset (NULL) for that
/// object and the sync goes on.
/// </summary>
/// <param name="ObjectType">The managed type, e.g. <c>ClusterComputeResource</c>.</param>
/// <param name="Moref">The object's moref, e.g. <c>domain-c7</c>.</param>
/// <param name="ObjectName">The object's name; empty when it has none.</param>
/// <param name="PropertyPath">The property path, e.g. <c>summary.effectiveMemory</c>.</param>
/// <param name="Value">The value as text, at most <see cref="MaxValueLength"/> characters.</param>
/// <param name="Reason">Why it cannot be stored, e.g. <c>out of range of a 32-bit integer</c>.</param>
public sealed record ValueWarning(string ObjectType, string Moref, string ObjectName, string PropertyPath, string Value, string Reason)
{
    /// <summary>The longest <see cref="Value"/> kept; longer values are cut and end with an ellipsis.</summary>
    public const int MaxValueLength = 200;

    /// <summary>One line naming the object, the property, the value and the reason.</summary>
    public override string ToString() =>
        $"{ObjectType} {Moref} \"{ObjectName}\": {PropertyPath} = \"{Value}\" stored as NULL ({Reason})";
}
