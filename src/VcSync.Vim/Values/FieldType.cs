namespace VcSync.Vim.Values;

/// <summary>The declared type of a field: an xsd primitive (<c>int</c>), <c>ManagedObjectReference</c> or a data object name.</summary>
/// <param name="TypeName">The declared type's name.</param>
/// <param name="IsArray">Whether the field may repeat, so that even one occurrence decodes as a list.</param>
internal sealed record FieldType(string TypeName, bool IsArray);
