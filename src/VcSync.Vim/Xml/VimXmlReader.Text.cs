using System.Buffers;
using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>Character data and attribute values: vectorized scans that check every byte, references, and decoding.</summary>
internal sealed partial class VimXmlReader
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> DecodeStops = SearchValues.Create("&\r\n\t"u8);

    // Reads text from _pos up to the next '<' (or the end); false when it was white space outside the root, not reported.
    private bool ReadText()
    {
        var i = _pos;
        var flags = ValueFlags.None;
        while (true)
        {
            var found = _buf.AsSpan(i, _end - i).IndexOfAny(XmlChars.TextStops);
            if (found < 0)
            {
                i = _end;
                if (!RefillKeeping(ref i))
                {
                    break;
                }

                continue;
            }

            i += found;
            var b = _buf[i];
            if (b == (byte)'<')
            {
                break;
            }

            int next;
            switch (b)
            {
                case (byte)'&':
                    next = ScanReference(i);
                    flags |= ValueFlags.References;
                    break;
                case (byte)'\r':
                    flags |= ValueFlags.CarriageReturns;
                    next = i + 1;
                    break;
                case (byte)']':
                    if (_end - i < 3 && !_eof)
                    {
                        next = -1;
                        break;
                    }

                    if (_end - i >= 3 && _buf[i + 1] == (byte)']' && _buf[i + 2] == (byte)'>')
                    {
                        throw Malformed(i, "']]>' is not allowed in text");
                    }

                    next = i + 1;
                    break;
                case < 0x80:
                    throw InvalidCharacter(i);
                default:
                    next = ScanRune(i);
                    break;
            }

            if (next < 0)
            {
                if (!RefillKeeping(ref i) && b != (byte)']')
                {
                    throw Truncated(_end, "The document ended inside a reference or character");
                }

                continue;
            }

            i = next;
        }

        var text = _buf.AsSpan(_pos, i - _pos);
        // Values rarely start with white space: the first byte settles most of them without a second scan.
        var blank = flags is ValueFlags.None or ValueFlags.CarriageReturns && XmlChars.IsWhitespace(text[0]) && text.IndexOfAnyExcept(Whitespace) < 0;
        if (_frameCount == 0)
        {
            if (!blank)
            {
                throw Malformed(_pos, "Text is not allowed outside the root element");
            }

            _pos = i;
            return false;
        }

        // _name stays: it is the last tag's, which guesses the next one (see TryStartTag).
        _kind = blank ? XmlNodeKind.Whitespace : XmlNodeKind.Text;
        _depth = _frameCount;
        _valueStart = _pos;
        _valueEnd = i;
        _valueFlags = flags;
        _pos = i;
        return true;
    }

    /// <summary>Scans an attribute value from after its opening quote: the offset of the closing quote, or -1 when the buffer ends first.</summary>
    private int ScanAttributeValue(int i, byte quote, out ValueFlags flags)
    {
        flags = ValueFlags.None;
        var stops = quote == (byte)'"' ? XmlChars.DoubleQuotedStops : XmlChars.SingleQuotedStops;
        while (true)
        {
            var found = _buf.AsSpan(i, _end - i).IndexOfAny(stops);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            var b = _buf[i];
            if (b == quote)
            {
                return i;
            }

            switch (b)
            {
                case (byte)'<':
                    throw Malformed(i, "'<' is not allowed in an attribute value");
                case (byte)'&':
                    i = ScanReference(i);
                    flags |= ValueFlags.References;
                    break;
                case (byte)'\t' or (byte)'\n' or (byte)'\r':
                    flags |= ValueFlags.AttributeWhitespace;
                    i++;
                    break;
                case < 0x80:
                    throw InvalidCharacter(i);
                default:
                    i = ScanRune(i);
                    break;
            }

            if (i < 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Checks the reference at <paramref name="i"/> (an '&amp;'): the offset after its ';', or -1 when the buffer ends first.</summary>
    private int ScanReference(int i)
    {
        var j = i + 1;
        if (j >= _end)
        {
            return -1;
        }

        if (_buf[j] == (byte)'#')
        {
            var end = ParseCharacterReference(i, out var value);
            if (end >= 0 && !XmlChars.IsXmlChar(value))
            {
                throw Malformed(i, "A character reference names a character XML forbids");
            }

            return end;
        }

        while (j < _end && XmlChars.IsAsciiNameChar(_buf[j]))
        {
            j++;
        }

        if (j >= _end)
        {
            return -1;
        }

        if (_buf[j] != (byte)';' || j == i + 1)
        {
            throw Malformed(i, "'&' starts no valid reference (use &amp;amp;)");
        }

        var name = _buf.AsSpan(i + 1, j - i - 1);
        if (!(name.SequenceEqual("lt"u8) || name.SequenceEqual("gt"u8) || name.SequenceEqual("amp"u8)
              || name.SequenceEqual("apos"u8) || name.SequenceEqual("quot"u8)))
        {
            throw Malformed(i, $"Reference to the undeclared entity '{Encoding.UTF8.GetString(name)}'");
        }

        return j + 1;
    }

    // &#N; or &#xH; at i: the offset after ';' (-1 when the buffer ends first) and the code point (clamped above 0x10FFFF).
    private int ParseCharacterReference(int i, out int value)
    {
        value = 0;
        var j = i + 2;
        if (j >= _end)
        {
            return -1;
        }

        var hex = _buf[j] == (byte)'x';
        if (hex)
        {
            j++;
        }

        var digits = 0;
        while (true)
        {
            if (j >= _end)
            {
                return -1;
            }

            var b = _buf[j];
            if (b == (byte)';')
            {
                break;
            }

            var digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : hex && b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10
                : hex && b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10
                : -1;
            if (digit < 0)
            {
                throw Malformed(i, "A character reference is malformed");
            }

            value = Math.Min(value * (hex ? 16 : 10) + digit, 0x110000);
            digits++;
            j++;
        }

        if (digits == 0)
        {
            throw Malformed(i, "A character reference has no digits");
        }

        return j + 1;
    }

    // Text with references, carriage returns or (in attributes) white space to normalize; the bytes were checked when read.
    private string DecodeSlow(ReadOnlySpan<byte> bytes, ValueFlags flags)
    {
        // Only attribute values carry this flag: their literal white space becomes spaces.
        var attribute = (flags & ValueFlags.AttributeWhitespace) != 0;
        var rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var chars = rented.AsSpan();
            var n = 0;
            var i = 0;
            while (i < bytes.Length)
            {
                var found = bytes[i..].IndexOfAny(DecodeStops);
                var run = found < 0 ? bytes[i..] : bytes.Slice(i, found);
                n += Encoding.UTF8.GetChars(run, chars[n..]);
                if (found < 0)
                {
                    break;
                }

                i += found;
                switch (bytes[i])
                {
                    case (byte)'&':
                        i = AppendReference(bytes, i, chars, ref n);
                        break;
                    case (byte)'\r':
                        // CR LF and a lone CR are both one line end.
                        chars[n++] = attribute ? ' ' : '\n';
                        i += i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n' ? 2 : 1;
                        break;
                    default:
                        chars[n++] = attribute ? ' ' : (char)bytes[i];
                        i++;
                        break;
                }
            }

            return new string(chars[..n]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int AppendReference(ReadOnlySpan<byte> bytes, int i, Span<char> chars, ref int n)
    {
        var end = bytes[i..].IndexOf((byte)';') + i;
        var name = bytes[(i + 1)..end];
        if (name[0] == (byte)'#')
        {
            var hex = name.Length > 1 && name[1] == (byte)'x';
            var value = 0;
            foreach (var b in name[(hex ? 2 : 1)..])
            {
                value = (value * (hex ? 16 : 10)) + (b <= (byte)'9' ? b - '0' : (b | 0x20) - 'a' + 10);
            }

            n += new Rune(value).EncodeToUtf16(chars[n..]);
        }
        else
        {
            chars[n++] = name[0] switch
            {
                (byte)'l' => '<',
                (byte)'g' => '>',
                (byte)'q' => '"',
                _ => name[1] == (byte)'m' ? '&' : '\'',
            };
        }

        return end + 1;
    }
}
