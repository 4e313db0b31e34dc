using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>Comments, CDATA sections, processing instructions, the XML declaration, and the refused document type.</summary>
internal sealed partial class VimXmlReader
{
    // At "<!": a comment (skipped, false), a CDATA section (reported, true), or an error.
    private bool ReadBang()
    {
        if (!Ensure(4))
        {
            throw Truncated(_end, "The document ended inside markup");
        }

        var start = _pos;
        if (_buf[start + 2] == (byte)'-' && _buf[start + 3] == (byte)'-')
        {
            _pos = ScanMarkup(start + 4, (byte)'-', out _) + 3;
            return false;
        }

        if (!Ensure(9))
        {
            throw Truncated(_end, "The document ended inside markup");
        }

        start = _pos;
        var head = _buf.AsSpan(start, 9);
        if (head.SequenceEqual("<![CDATA["u8))
        {
            if (_frameCount == 0)
            {
                throw Malformed(start, "A CDATA section is not allowed outside the root element");
            }

            var end = ScanMarkup(start + 9, (byte)']', out var flags);
            _kind = XmlNodeKind.CDATA;
            _depth = _frameCount;
            _valueStart = _pos + 9;
            _valueEnd = end;
            _valueFlags = flags;
            _pos = end + 3;
            return true;
        }

        if (head.SequenceEqual("<!DOCTYPE"u8))
        {
            throw Error(VimXmlError.DocumentType, start, "The document has a document type declaration (DTD), which is refused");
        }

        throw Malformed(start, "'<!' starts no comment or CDATA section");
    }

    private void ReadProcessingInstruction()
    {
        while (!TryTarget())
        {
            if (!Refill())
            {
                throw Truncated(_end, "The document ended inside a processing instruction");
            }
        }
    }

    private bool TryTarget()
    {
        var start = _pos;
        var nameEnd = ScanName(start + 2);
        if (nameEnd < 0 || nameEnd >= _end)
        {
            return false;
        }

        var target = _buf.AsSpan(start + 2, nameEnd - start - 2);
        var isXml = target.Length == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' && (target[2] | 0x20) == 'l';
        var declaration = isXml && target.SequenceEqual("xml"u8) && _discarded + start == _documentStart;
        if (isXml && !declaration)
        {
            throw Malformed(start, "A processing instruction cannot be named 'xml' (an XML declaration must come first)");
        }

        if (target.IndexOf((byte)':') >= 0)
        {
            throw Malformed(start, "A processing instruction's name cannot contain ':'");
        }

        var after = _buf[nameEnd];
        if (!XmlChars.IsWhitespace(after) && after != (byte)'?')
        {
            throw Malformed(nameEnd, $"Expected white space or '?>' after the processing instruction's name, found {XmlChars.Describe(after)}");
        }

        var offset = nameEnd - start;
        var end = ScanMarkup(nameEnd, (byte)'?', out _);
        if (declaration)
        {
            CheckDeclaration(Encoding.UTF8.GetString(_buf.AsSpan(_pos + offset, end - _pos - offset)), _pos);
        }

        _pos = end + 2;
        return true;
    }

    /// <summary>
    /// Scans a comment ('-'), CDATA section (']') or processing instruction ('?') from <paramref name="i"/> to its
    /// terminator, checking every character: the offset of the terminator. Refills as needed (the markup starts at _pos).
    /// </summary>
    private int ScanMarkup(int i, byte kind, out ValueFlags flags)
    {
        flags = ValueFlags.None;
        var length = kind == (byte)'?' ? 2 : 3;
        while (true)
        {
            var found = _buf.AsSpan(i, _end - i).IndexOfAny(XmlChars.MarkupStops);
            if (found < 0)
            {
                i = _end;
                if (!RefillKeeping(ref i))
                {
                    throw Truncated(_end, "The document ended inside a comment, CDATA section or processing instruction");
                }

                continue;
            }

            i += found;
            var b = _buf[i];
            if (b == kind)
            {
                if (_end - i < length)
                {
                    if (!RefillKeeping(ref i))
                    {
                        throw Truncated(_end, "The document ended inside a comment, CDATA section or processing instruction");
                    }

                    continue;
                }

                if (kind == (byte)'?' ? _buf[i + 1] == (byte)'>'
                    : _buf[i + 1] == kind && _buf[i + 2] == (byte)'>')
                {
                    return i;
                }

                if (kind == (byte)'-' && _buf[i + 1] == (byte)'-')
                {
                    throw Malformed(i, "'--' is not allowed inside a comment");
                }

                i++;
                continue;
            }

            if (b == (byte)'\r')
            {
                flags |= ValueFlags.CarriageReturns;
                i++;
                continue;
            }

            if (b is (byte)'-' or (byte)']' or (byte)'?')
            {
                i++;
                continue;
            }

            if (b < 0x80)
            {
                throw InvalidCharacter(i);
            }

            var next = ScanRune(i);
            if (next < 0)
            {
                if (!RefillKeeping(ref i))
                {
                    throw Truncated(_end, "The document ended inside a character");
                }

                continue;
            }

            i = next;
        }
    }

    // version="1.0" [encoding="UTF-8"] [standalone="yes|no"], in that order: vCenter only sends UTF-8.
    private void CheckDeclaration(string content, int at)
    {
        var rest = content.AsSpan().Trim(" \t\r\n");
        var seen = 0;
        while (!rest.IsEmpty)
        {
            var equals = rest.IndexOf('=');
            if (equals <= 0)
            {
                throw Malformed(at, "The XML declaration is malformed");
            }

            var name = rest[..equals].TrimEnd(" \t\r\n");
            rest = rest[(equals + 1)..].TrimStart(" \t\r\n");
            if (rest.IsEmpty || rest[0] is not ('"' or '\''))
            {
                throw Malformed(at, "A value of the XML declaration is not quoted");
            }

            var close = rest[1..].IndexOf(rest[0]);
            if (close < 0)
            {
                throw Malformed(at, "A value of the XML declaration is not closed");
            }

            var value = rest.Slice(1, close);
            rest = rest[(close + 2)..];
            var order = name switch
            {
                "version" => 1,
                "encoding" => 2,
                "standalone" => 3,
                _ => throw Malformed(at, $"The XML declaration has an unknown item '{name}'"),
            };
            if (order <= seen || (seen == 0 && order != 1))
            {
                throw Malformed(at, "The XML declaration's items are out of order");
            }

            seen = order;
            if (order == 1 && value is not "1.0")
            {
                throw Malformed(at, $"The XML version '{value}' is not supported");
            }

            if (order == 2 && !value.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) && !value.Equals("UTF8", StringComparison.OrdinalIgnoreCase))
            {
                throw Malformed(at, $"The document declares the encoding '{value}'; only UTF-8 is accepted");
            }

            if (order == 3 && value is not ("yes" or "no"))
            {
                throw Malformed(at, $"The XML declaration's standalone must be 'yes' or 'no', not '{value}'");
            }

            if (!rest.IsEmpty && !XmlChars.IsWhitespace((byte)rest[0]))
            {
                throw Malformed(at, "The XML declaration's items must be separated by white space");
            }

            rest = rest.TrimStart(" \t\r\n");
        }

        if (seen == 0)
        {
            throw Malformed(at, "The XML declaration has no version");
        }
    }
}
