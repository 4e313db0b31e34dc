using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Lenient readers for decoded vSphere values. A value of the wrong type reads as <see langword="null"/>, never as an
/// exception; integers convert between widths when they fit and read as <see langword="null"/> when they do not.
/// </summary>
public static class VimValue
{
    /// <summary>The value as a string, or null when it is not one.</summary>
    public static string? AsString(object? value) => value as string;

    /// <summary>The value as an <see cref="int"/> when it is an integer that fits; otherwise null.</summary>
    public static int? AsInt(object? value) => value switch
    {
        int i => i,
        long l => l is >= int.MinValue and <= int.MaxValue ? (int)l : null,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui <= int.MaxValue ? (int)ui : null,
        ulong ul => ul <= int.MaxValue ? (int)ul : null,
        _ => null,
    };

    /// <summary>The value as a <see cref="long"/> when it is an integer that fits; otherwise null.</summary>
    public static long? AsLong(object? value) => value switch
    {
        long l => l,
        int i => i,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul => ul <= long.MaxValue ? (long)ul : null,
        _ => null,
    };

    /// <summary>The value as a <see cref="bool"/>, or null when it is not one.</summary>
    public static bool? AsBool(object? value) => value is bool b ? b : null;

    /// <summary>The value as a UTC <see cref="DateTimeOffset"/>, or null when it is not a date-time.</summary>
    public static DateTimeOffset? AsUtc(object? value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt when dt.Kind != DateTimeKind.Unspecified => new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc), TimeSpan.Zero),
        _ => null,
    };

    /// <summary>The value as a managed object reference, or null when it is not one.</summary>
    public static ManagedObjectReference? AsMoRef(object? value) => value as ManagedObjectReference;

    /// <summary>The value as a data object, or null when it is not one.</summary>
    public static DataObject? AsDataObject(object? value) => value as DataObject;

    /// <summary>
    /// The value as a list: a list as it is, a single value as a one-entry list, null as an empty list.
    /// </summary>
    public static IReadOnlyList<object?> AsList(object? value) => value switch
    {
        null => [],
        IReadOnlyList<object?> list => list,
        string or DataObject or ManagedObjectReference => [value],
        System.Collections.IEnumerable e => ToList(e),
        _ => [value],
    };

    /// <summary>The number of entries of an array property: a list's length, 1 for a single value, 0 when unset.</summary>
    public static int Count(object? value) => value switch
    {
        null => 0,
        IReadOnlyList<object?> list => list.Count,
        string or DataObject or ManagedObjectReference => 1,
        System.Collections.ICollection c => c.Count,
        System.Collections.IEnumerable e => ToList(e).Count,
        _ => 1,
    };

    private static List<object?> ToList(System.Collections.IEnumerable e)
    {
        var list = new List<object?>();
        foreach (var item in e)
        {
            list.Add(item);
        }

        return list;
    }
}
