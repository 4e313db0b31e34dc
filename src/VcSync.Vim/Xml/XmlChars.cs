using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>The character classes of XML 1.0 (fifth edition) and namespaces, on UTF-8 bytes and on code points.</summary>
internal static class XmlChars
{
    /// <summary>Bytes that end a plain run of text: markup, references, CR (normalized), ']' (for <c>]]&gt;</c>), forbidden controls, non-ASCII.</summary>
    public static readonly SearchValues<byte> TextStops = SearchValues.Create(Stops("<&\r]", tabAndLineFeedAllowed: true));

    /// <summary>Bytes that end a plain run of a double-quoted attribute value (white space is normalized, so it stops too).</summary>
    public static readonly SearchValues<byte> DoubleQuotedStops = SearchValues.Create(Stops("\"<&", tabAndLineFeedAllowed: false));

    /// <summary>Bytes that end a plain run of a single-quoted attribute value.</summary>
    public static readonly SearchValues<byte> SingleQuotedStops = SearchValues.Create(Stops("'<&", tabAndLineFeedAllowed: false));

    /// <summary>Bytes that end a plain run of a comment, CDATA section or processing instruction (terminator candidates and checked bytes).</summary>
    public static readonly SearchValues<byte> MarkupStops = SearchValues.Create(Stops("-]?\r", tabAndLineFeedAllowed: true));

    /// <summary>The ASCII bytes that may continue a name: a name is scanned with one vectorized search for its end.</summary>
    public static readonly SearchValues<byte> AsciiNameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._:"u8);

    private const byte StartBit = 1;
    private const byte NameBit = 2;

    private static readonly byte[] AsciiClass = CreateAsciiClass();

    /// <summary>Whether an ASCII byte may start a name (colon included; the namespace rules are checked on the split).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiNameStart(byte b) => b < 0x80 && (AsciiClass[b] & StartBit) != 0;

    /// <summary>Whether an ASCII byte may continue a name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiNameChar(byte b) => b < 0x80 && (AsciiClass[b] & NameBit) != 0;

    /// <summary>Whether a byte may continue a name: an ASCII name character, or any byte of a multi-byte character (checked on the slow path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayContinueName(byte b) => b >= 0x80 || (AsciiClass[b] & NameBit) != 0;

    /// <summary>XML white space: space, tab, line feed, carriage return.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    /// <summary>Whether a code point may appear in a document (the Char production).</summary>
    public static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);

    /// <summary>Whether a non-ASCII code point may start a name.</summary>
    public static bool IsNameStart(int c) =>
        c < 0x80 ? IsAsciiNameStart((byte)c)
        : (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D)
          || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF)
          || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);

    /// <summary>Whether a code point may continue a name.</summary>
    public static bool IsNameChar(int c) =>
        c < 0x80 ? IsAsciiNameChar((byte)c)
        : IsNameStart(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);

    /// <summary>Whether a name is a valid NCName or QName for namespaces: at most one colon, neither first nor last, and the local part starts as a name does.</summary>
    public static bool IsQualifiedName(string name, out int colon)
    {
        colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        if (colon == 0 || colon == name.Length - 1 || name.IndexOf(':', colon + 1) >= 0)
        {
            return false;
        }

        var rune = Rune.GetRuneAt(name, colon + 1);
        return IsNameStart(rune.Value);
    }

    /// <summary>Describes a byte for an error message.</summary>
    public static string Describe(byte b) => b is >= 0x20 and < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";

    private static byte[] Stops(string ascii, bool tabAndLineFeedAllowed)
    {
        var stops = new List<byte>();
        foreach (var c in ascii)
        {
            stops.Add((byte)c);
        }

        for (var b = 0; b < 0x20; b++)
        {
            if (!tabAndLineFeedAllowed || (b != '\t' && b != '\n'))
            {
                stops.Add((byte)b);
            }
        }

        for (var b = 0x80; b < 0x100; b++)
        {
            stops.Add((byte)b);
        }

        return [.. stops.Distinct()];
    }

    private static byte[] CreateAsciiClass()
    {
        var classes = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            var start = c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '_' or ':';
            var name = start || c is >= '0' and <= '9' or '-' or '.';
            classes[c] = (byte)((start ? StartBit : 0) | (name ? NameBit : 0));
        }

        return classes;
    }
}
