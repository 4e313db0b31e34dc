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
        ? Digits(text, 9) is { } small
            ? (int)small
            : int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null
        : VimValue.AsInt(value);

    public static long? Long(object? value) => value is string text
        ? Digits(text, 18) ?? (long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null)
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

    // Device keys, unit numbers and capacities come as text: a plain run of at most maxDigits ASCII digits (a '-' before
    // it allowed) is its value, as the full parse would give; anything else (a '+', spaces, longer numbers) is left to it.
    private static long? Digits(string text, int maxDigits)
    {
        var digits = text.AsSpan();
        var negative = digits.Length > 0 && digits[0] == '-';
        if (negative)
        {
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.Length > maxDigits)
        {
            return null;
        }

        long result = 0;
        foreach (var c in digits)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                return null;
            }

            result = (result * 10) + digit;
        }

        return negative ? -result : result;
    }
}
