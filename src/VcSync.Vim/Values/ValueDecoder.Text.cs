using VcSync.Vim.Xml;

namespace VcSync.Vim.Values;

/// <summary>
/// Values whose content is plain text, read with their end tag in one step (<see cref="VimXmlReader.TryReadTextContent"/>):
/// most elements of a page are such leaves. Each result is the one the node-by-node path gives for the same text.
/// </summary>
internal sealed partial class ValueDecoder
{
    private static readonly System.Buffers.SearchValues<byte> XmlWhitespace = System.Buffers.SearchValues.Create(" \t\r\n"u8);

    // The text has no reference, no CR and no non-ASCII byte: it is its own value.
    private object? TextValue(ValueKind kind, ReadOnlySpan<byte> text, string? typeName, string? moRefType) => kind switch
    {
        ValueKind.String => TextOf(text),
        ValueKind.Int => ParseInt(Trim(text)),
        ValueKind.Long => ParseLong(Trim(text)),
        ValueKind.Short => ParseShort(Trim(text)),
        ValueKind.Byte => ParseByte(Trim(text)),
        ValueKind.Boolean => ParseBoolean(Trim(text)),
        ValueKind.Double => ParseDouble(Trim(text), "double"),
        ValueKind.Float => ParseFloat(Trim(text)),
        ValueKind.DateTime => ParseDateTime(Trim(text)),
        ValueKind.Base64 => ParseBase64(TextOf(text)),
        ValueKind.ManagedObjectReference => new ManagedObjectReference(moRefType ?? string.Empty, TextOf(text)),
        _ => TextContent(text, typeName ?? string.Empty, moRefType),
    };

    // As ReadContent: white space alone is no content (an empty object); text is a reference's value, an enum value
    // (atomized) under a named type, else a string.
    private object TextContent(ReadOnlySpan<byte> text, string typeName, string? moRefType)
    {
        if (text.IsEmpty || (IsXmlWhitespace(text[0]) && text.IndexOfAnyExcept(XmlWhitespace) < 0))
        {
            return typeName.Length > 0 ? DataObject.Wrap(typeName, []) : (moRefType is null ? string.Empty : new ManagedObjectReference(moRefType, string.Empty));
        }

        if (moRefType is not null)
        {
            return new ManagedObjectReference(moRefType, TextOf(text));
        }

        return typeName.Length > 0 ? _names.Table.Add(text) : TextOf(text);
    }

    // As ReadText does for one raw text node: short values through the cache.
    private string TextOf(ReadOnlySpan<byte> text) =>
        text.Length <= ShortTextCache.MaxLength ? _texts.Get(text) : System.Text.Encoding.UTF8.GetString(text);

    private static bool IsXmlWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim(" \t\r\n"u8);
}
