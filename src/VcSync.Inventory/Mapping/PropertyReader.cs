using System.Globalization;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Reads one object's property values as the types their columns hold. A mapper asks for each property with the
/// method of its column's type. A value that cannot be held (of another type, out of range, or text that did not
/// parse as its <c>xsi:type</c>) reads as <see langword="null"/> and is noted in <see cref="Problems"/>, for the
/// builder to turn into <see cref="ValueWarning"/>s once the object's name is known.
/// </summary>
internal sealed class PropertyReader
{
    private readonly List<(string Path, string Value, string Reason)> _problems = [];

    /// <summary>The values of the current object that could not be read, in order.</summary>
    public IReadOnlyList<(string Path, string Value, string Reason)> Problems => _problems;

    /// <summary>Forgets the previous object's problems.</summary>
    public void Reset() => _problems.Clear();

    /// <summary>The value as a string (xsd:string, enums).</summary>
    public string? String(DynamicProperty property) => property.Value switch
    {
        null => null,
        string s => s,
        var other => ProblemText(property, other, "a string was expected"),
    };

    /// <summary>The value as a 32-bit integer (xsd:int, xsd:short, xsd:byte).</summary>
    public int? Int(DynamicProperty property) => property.Value switch
    {
        null => null,
        int i => i,
        var other when VimValue.AsInt(other) is { } fits => fits,
        var other when VimValue.AsLong(other) is not null => Problem<int>(property, other, "out of range of a 32-bit integer column"),
        var other => Problem<int>(property, other, Expected(other, "an integer")),
    };

    /// <summary>The value as a 64-bit integer (xsd:long).</summary>
    public long? Long(DynamicProperty property) => property.Value switch
    {
        null => null,
        long l => l,
        var other when VimValue.AsLong(other) is { } fits => fits,
        var other => Problem<long>(property, other, Expected(other, "an integer")),
    };

    /// <summary>The value as a flag (xsd:boolean).</summary>
    public bool? Bool(DynamicProperty property) => property.Value switch
    {
        null => null,
        bool b => b,
        var other => Problem<bool>(property, other, Expected(other, "a boolean")),
    };

    /// <summary>The value's managed object reference value (<c>host-10</c>).</summary>
    public string? MoRef(DynamicProperty property) => property.Value switch
    {
        null => null,
        ManagedObjectReference reference => reference.Value,
        var other => ProblemText(property, other, "a managed object reference was expected"),
    };

    /// <summary>A value as text for a warning, cut to <see cref="ValueWarning.MaxValueLength"/> characters.</summary>
    internal static string Describe(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => s,
            UnparsedValue unparsed => unparsed.Text,
            ManagedObjectReference reference => $"{reference.Type}:{reference.Value}",
            DataObject data => $"({data.TypeName})",
            DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            System.Collections.ICollection list => $"[{list.Count} entries]",
            var other => other.ToString() ?? string.Empty,
        };
        return text.Length <= ValueWarning.MaxValueLength ? text : string.Concat(text.AsSpan(0, ValueWarning.MaxValueLength - 1), "…");
    }

    private static string Expected(object value, string what) => value is UnparsedValue unparsed
        ? $"not a valid xsd:{unparsed.XsdType}"
        : $"{what} was expected, not {Kind(value)}";

    private static string Kind(object value) => value switch
    {
        string => "a string",
        DataObject data => "a " + (data.TypeName.Length > 0 ? data.TypeName : "data object"),
        ManagedObjectReference => "a managed object reference",
        bool => "a boolean",
        System.Collections.ICollection => "a list",
        _ => "a " + value.GetType().Name,
    };

    private T? Problem<T>(DynamicProperty property, object value, string reason)
        where T : struct
    {
        _problems.Add((property.Name, Describe(value), reason));
        return null;
    }

    private string? ProblemText(DynamicProperty property, object value, string reason)
    {
        _problems.Add((property.Name, Describe(value), reason));
        return null;
    }
}
