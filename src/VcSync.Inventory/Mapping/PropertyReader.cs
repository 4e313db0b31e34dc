using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Reads one object's property values as the types its columns hold. A mapper asks for each property with the
/// method of its column's type; a value of another type, or out of that type's range, reads as
/// <see langword="null"/>.
/// </summary>
internal sealed class PropertyReader
{
    /// <summary>The value as a string (strings and enums).</summary>
    public string? String(DynamicProperty property) => property.Value as string;

    /// <summary>The value as a 32-bit integer (xsd:int, xsd:short, xsd:byte).</summary>
    public int? Int(DynamicProperty property) => VimValue.AsInt(property.Value);

    /// <summary>The value as a 64-bit integer (xsd:long).</summary>
    public long? Long(DynamicProperty property) => VimValue.AsLong(property.Value);

    /// <summary>The value as a flag (xsd:boolean).</summary>
    public bool? Bool(DynamicProperty property) => VimValue.AsBool(property.Value);

    /// <summary>The value's managed object reference value (<c>host-10</c>).</summary>
    public string? MoRef(DynamicProperty property) => (property.Value as ManagedObjectReference)?.Value;
}
