using System.Globalization;
using System.Text;
using System.Xml;
using VcSync.Vim.Xml;

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

    private static bool IsText(XmlNodeKind type) => type is XmlNodeKind.Text or XmlNodeKind.CDATA or XmlNodeKind.Whitespace;

    private static bool IsTrue(string value) => value.AsSpan().Trim() is "true" or "1";

    private static object ParseInt(ReadOnlySpan<byte> text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? BoxInt(value) : Unparsed("int", text);

    private static object ParseLong(ReadOnlySpan<byte> text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : Unparsed("long", text);

    private static object ParseShort(ReadOnlySpan<byte> text) =>
        short.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : Unparsed("short", text);

    private static object ParseFloat(ReadOnlySpan<byte> text) =>
        ParseDouble(text, "float") is double value ? (float)value : Unparsed("float", text);

    private static object ParseByte(ReadOnlySpan<byte> text)
    {
        // xsd:byte is signed; the public contract is byte, so negative values wrap.
        return sbyte.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed) ? unchecked((byte)signed)
            : byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned) ? unsigned
            : Unparsed("byte", text);
    }

    private static object ParseBoolean(ReadOnlySpan<byte> text) =>
        text.SequenceEqual("true"u8) || text.SequenceEqual("1"u8) ? True
        : text.SequenceEqual("false"u8) || text.SequenceEqual("0"u8) ? False
        : Unparsed("boolean", text);

    private static object ParseDouble(ReadOnlySpan<byte> text, string type)
    {
        if (text.SequenceEqual("INF"u8))
        {
            return double.PositiveInfinity;
        }

        if (text.SequenceEqual("-INF"u8))
        {
            return double.NegativeInfinity;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : Unparsed(type, text);
    }

    private static object ParseDateTime(ReadOnlySpan<byte> utf8)
    {
        // DateTimeOffset parses characters only; a timestamp is short ASCII.
        Span<char> buffer = stackalloc char[64];
        ReadOnlySpan<char> text = utf8.Length <= buffer.Length ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)] : Encoding.UTF8.GetString(utf8);
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
            return Unparsed("dateTime", utf8);
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

    // A failed value keeps its text, trimmed.
    private static UnparsedValue Unparsed(string type, ReadOnlySpan<byte> text) => new(type, Encoding.UTF8.GetString(text).Trim());
}
