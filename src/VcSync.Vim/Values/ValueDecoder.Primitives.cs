using System.Globalization;
using System.Xml;

namespace VcSync.Vim.Values;

/// <summary>The primitive xsd values: text already read into a span becomes a boxed value, or an <see cref="UnparsedValue"/>.</summary>
internal sealed partial class ValueDecoder
{
    private static object BoxInt(int value) => (uint)(value + 1) < (uint)SmallInts.Length ? SmallInts[value + 1] : value;

    private static object[] CreateSmallInts()
    {
        var boxes = new object[1026];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = i - 1;
        }

        return boxes;
    }

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    private static bool IsTrue(string value) => value.AsSpan().Trim() is "true" or "1";

    private object ParseInt(ReadOnlySpan<char> text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? BoxInt(value) : Unparsed("int");

    private object ParseByte(ReadOnlySpan<char> text)
    {
        // xsd:byte is signed; the public contract is byte, so negative values wrap.
        return sbyte.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) ? unchecked((byte)signed)
            : byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned) ? unsigned
            : Unparsed("byte");
    }

    private object ParseBoolean(ReadOnlySpan<char> text) => text switch
    {
        "true" or "1" => True,
        "false" or "0" => False,
        _ => Unparsed("boolean"),
    };

    private object ParseDouble(ReadOnlySpan<char> text, string type)
    {
        if (text is "INF")
        {
            return double.PositiveInfinity;
        }

        if (text is "-INF")
        {
            return double.NegativeInfinity;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : Unparsed(type);
    }

    private object ParseDateTime(ReadOnlySpan<char> text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        try
        {
            return XmlConvert.ToDateTimeOffset(text.ToString()).ToUniversalTime();
        }
        catch (FormatException)
        {
            return Unparsed("dateTime");
        }
    }

    private static object ParseBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return new UnparsedValue("base64Binary", text);
        }
    }

    // The span just read is still in _chars: a failed value keeps its text (trimmed, as it was parsed).
    private UnparsedValue Unparsed(string type) => new(type, _chars.AsSpan(0, _lastLength).Trim().ToString());
}
