using System.Globalization;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Mapping;

/// <summary>
/// Readers for values nested inside data objects. A server writes <c>xsi:type</c> only where the runtime type differs
/// from the declared one, so a nested <c>int</c>, <c>boolean</c> or <c>dateTime</c> whose declaration the decoder does
/// not know arrives as text; these accept the typed value or its XML Schema text form. Anything else reads as null.
/// </summary>
internal static class LenientValue
{
    public static string? String(object? value) => value as string;

    public static int? Int(object? value) => value is string text
        ? int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null
        : VimValue.AsInt(value);

    public static long? Long(object? value) => value is string text
        ? long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null
        : VimValue.AsLong(value);

    public static bool? Bool(object? value) => value switch
    {
        bool b => b,
        string text => text.AsSpan().Trim() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        },
        _ => null,
    };

    public static DateTimeOffset? Utc(object? value) => value is string text
        ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d.ToUniversalTime()
            : null
        : VimValue.AsUtc(value);

    /// <summary><paramref name="a"/> + <paramref name="b"/>, or null when either is null or the sum leaves 64 bits.</summary>
    public static long? Add(long? a, long? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return null;
        }

        var sum = unchecked(x + y);
        return ((x ^ sum) & (y ^ sum)) < 0 ? null : sum;
    }

    /// <summary>A field of a data object (null when the value is not one).</summary>
    public static object? Field(object? value, string name) => (value as DataObject)?[name];

    /// <summary>A nested field, following <paramref name="path"/> through data objects.</summary>
    public static object? Path(object? value, string path) => (value as DataObject)?.Get(path);
}
