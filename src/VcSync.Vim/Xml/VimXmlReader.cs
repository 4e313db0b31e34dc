using System.Buffers;
using System.Text;

namespace VcSync.Vim.Xml;

/// <summary>
/// A forward-only, strict XML pull reader over a UTF-8 stream, with the subset of <c>System.Xml.XmlReader</c> the Vim
/// layer uses. It reads the stream in chunks into one refillable buffer, and keeps the current node as byte offsets
/// into it: names are atomized straight from their bytes (<see cref="AtomTable"/>), text is decoded only when asked
/// for, and numbers can be parsed from the raw UTF-8 (<see cref="TryGetRawValue"/>). Everything XML 1.0 and namespaces
/// forbid is refused with a <see cref="VimXmlException"/> saying what and where; a document type declaration is refused
/// outright, so no entity other than the five predefined ones exists. Comments and processing instructions are
/// skipped. Not thread-safe.
/// </summary>
internal sealed partial class VimXmlReader : IDisposable
{
    /// <summary>The namespace of <c>xmlns</c> attributes.</summary>
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>The namespace the <c>xml</c> prefix is bound to.</summary>
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly AtomTable _atoms;
    private readonly string _xmlnsName;
    private readonly string _xmlName;
    private readonly string _xmlnsUri;
    private readonly string _xmlUri;
    private XmlNodeKind _kind;
    private Atom? _name;
    private string _ns = string.Empty;
    private int _depth;
    private bool _isEmpty;
    private bool _popPending;
    private bool _started;
    private bool _finished;
    private int _nodeStart;
    private int _valueStart;
    private int _valueEnd;
    private ValueFlags _valueFlags;

    /// <summary>Creates a reader over <paramref name="stream"/>, which it reads but does not close.</summary>
    /// <param name="stream">The document's bytes, UTF-8.</param>
    /// <param name="atoms">The table names are atomized in; callers compare names with its strings by reference.</param>
    /// <param name="maxBytes">The most bytes the document may have; also the most one token may buffer.</param>
    public VimXmlReader(Stream stream, AtomTable atoms, long maxBytes)
    {
        _stream = stream;
        _atoms = atoms;
        _maxBytes = maxBytes;
        _xmlnsName = atoms.Add("xmlns");
        _xmlName = atoms.Add("xml");
        _xmlnsUri = atoms.Add(XmlnsNamespace);
        _xmlUri = atoms.Add(XmlNamespace);
        _buf = ArrayPool<byte>.Shared.Rent((int)Math.Min(InitialBufferSize, Math.Max(maxBytes, 16)));
    }

    [Flags]
    private enum ValueFlags : byte
    {
        None = 0,
        References = 1,
        CarriageReturns = 2,
        AttributeWhitespace = 4,
    }

    /// <summary>The kind of the current node.</summary>
    public XmlNodeKind NodeType => _kind;

    /// <summary>The local name of the current element or end element (atomized), else empty.</summary>
    public string LocalName => _name is not null && _kind is XmlNodeKind.Element or XmlNodeKind.EndElement ? _name.Local : string.Empty;

    /// <summary>The qualified name of the current element or end element (atomized), else empty.</summary>
    public string Name => _name is not null && _kind is XmlNodeKind.Element or XmlNodeKind.EndElement ? _name.Value : string.Empty;

    /// <summary>The namespace of the current element or end element (atomized), else empty.</summary>
    public string NamespaceURI => _kind is XmlNodeKind.Element or XmlNodeKind.EndElement ? _ns : string.Empty;

    /// <summary>Whether the current element is written <c>&lt;x/&gt;</c>: no end element follows it.</summary>
    public bool IsEmptyElement => _kind == XmlNodeKind.Element && _isEmpty;

    /// <summary>The depth of the current node: 0 for the root element, its end, and nothing else.</summary>
    public int Depth => _depth;

    /// <summary>The text of the current text, CDATA or white-space node, references resolved and line ends normalized; else empty.</summary>
    public string Value => _kind is XmlNodeKind.Text or XmlNodeKind.CDATA or XmlNodeKind.Whitespace
        ? Decode(_valueStart, _valueEnd, _valueFlags)
        : string.Empty;

    /// <summary>The number of attributes of the current element, namespace declarations included.</summary>
    public int AttributeCount => _kind == XmlNodeKind.Element ? _attrCount : 0;

    /// <summary>The line of the current node (1-based), for error messages.</summary>
    public long LineNumber => PositionOf(_nodeStart).Line;

    /// <summary>The column, in bytes, of the current node (1-based), for error messages.</summary>
    public long LinePosition => PositionOf(_nodeStart).Column;

    /// <summary>
    /// The text of the current text or CDATA node as the UTF-8 bytes of the document, when they are its value exactly
    /// (no reference, no carriage return); valid until the next move.
    /// </summary>
    public bool TryGetRawValue(out ReadOnlySpan<byte> utf8)
    {
        if (_kind is XmlNodeKind.Text or XmlNodeKind.CDATA or XmlNodeKind.Whitespace && _valueFlags == ValueFlags.None)
        {
            utf8 = _buf.AsSpan(_valueStart, _valueEnd - _valueStart);
            return true;
        }

        utf8 = default;
        return false;
    }

    /// <summary>The local name of attribute <paramref name="index"/> of the current element (atomized).</summary>
    public string GetAttributeLocalName(int index) => Attribute(index).Name.Local;

    /// <summary>The namespace of attribute <paramref name="index"/> (atomized; empty when unprefixed).</summary>
    public string GetAttributeNamespace(int index) => Attribute(index).Namespace;

    /// <summary>The qualified name of attribute <paramref name="index"/> (atomized).</summary>
    public string GetAttributeName(int index) => Attribute(index).Name.Value;

    /// <summary>The value of attribute <paramref name="index"/>, references resolved and white space normalized.</summary>
    public string GetAttributeValue(int index)
    {
        ref var a = ref Attribute(index);
        return Decode(a.ValueStart, a.ValueEnd, a.Flags);
    }

    /// <summary>The value of attribute <paramref name="index"/> atomized: no allocation when the spelling is known.</summary>
    public string GetAttributeAtom(int index)
    {
        ref var a = ref Attribute(index);
        return a.Flags == ValueFlags.None
            ? _atoms.Add(_buf.AsSpan(a.ValueStart, a.ValueEnd - a.ValueStart))
            : _atoms.Add(Decode(a.ValueStart, a.ValueEnd, a.Flags));
    }

    /// <summary>The namespace a prefix (empty: the default namespace) is bound to at the current node, or null when it is not declared.</summary>
    public string? LookupNamespace(string prefix)
    {
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            var bound = _bindings[i].Prefix;
            if (ReferenceEquals(bound, prefix) || string.Equals(bound, prefix, StringComparison.Ordinal))
            {
                return _bindings[i].Uri;
            }
        }

        return prefix.Length == 0 ? string.Empty
            : string.Equals(prefix, _xmlName, StringComparison.Ordinal) ? _xmlUri
            : string.Equals(prefix, _xmlnsName, StringComparison.Ordinal) ? _xmlnsUri
            : null;
    }

    /// <summary>Moves to the next node; false at the end of the document (which must be complete and well-formed).</summary>
    public bool Read()
    {
        if (_finished)
        {
            return false;
        }

        if (_popPending)
        {
            PopFrame();
        }

        _attrCount = 0;
        if (!_started)
        {
            Start();
        }

        while (true)
        {
            if (_pos >= _end && !Refill())
            {
                return AtEnd();
            }

            _nodeStart = _pos;
            if (_buf[_pos] != (byte)'<')
            {
                if (ReadText())
                {
                    return true;
                }

                continue;
            }

            if (!Ensure(2))
            {
                throw Truncated(_pos, "The document ended inside a tag");
            }

            switch (_buf[_pos + 1])
            {
                case (byte)'/':
                    ReadEndTag();
                    return true;
                case (byte)'!':
                    if (ReadBang())
                    {
                        return true;
                    }

                    break;
                case (byte)'?':
                    ReadProcessingInstruction();
                    break;
                default:
                    ReadStartTag();
                    return true;
            }
        }
    }

    /// <summary>Skips the current element with all it contains (checking it as strictly as <see cref="Read"/>), or moves past any other node.</summary>
    public void Skip()
    {
        if (_kind != XmlNodeKind.Element || _isEmpty)
        {
            Read();
            return;
        }

        var depth = _depth;
        while (true)
        {
            // A leaf of plain text goes to its end element in one step, checked as strictly as node by node.
            if (!(_kind == XmlNodeKind.Element && !_isEmpty && TryReadTextContent(out _)) && !Read())
            {
                return;
            }

            if (_kind == XmlNodeKind.EndElement && _depth == depth)
            {
                Read();
                return;
            }
        }
    }

    /// <summary>
    /// On a start element with content: when the content is plain text (no markup, reference, carriage return, ']' or
    /// non-ASCII byte, so the bytes are the value) followed by the element's end tag, moves to that end element and gives
    /// the text, valid until the next move. Otherwise false, and the reader stays on the start element. One step where
    /// <see cref="Read"/> takes two, for the leaves that make up most of a page.
    /// </summary>
    public bool TryReadTextContent(out ReadOnlySpan<byte> utf8)
    {
        utf8 = default;
        if (_kind != XmlNodeKind.Element || _isEmpty)
        {
            return false;
        }

        var start = _pos;
        if (start + 1 < _end && _buf[start] == (byte)'<' && _buf[start + 1] != (byte)'/')
        {
            // A child element: the usual start of a data object's content, settled without a scan.
            return false;
        }

        var found = _buf.AsSpan(start, _end - start).IndexOfAny(XmlChars.TextStops);
        if (found < 0)
        {
            return false;
        }

        var tag = start + found;
        var open = _frames[_frameCount - 1].Name.Utf8;
        var close = tag + 2 + open.Length;
        if (close >= _end || _buf[tag] != (byte)'<' || _buf[tag + 1] != (byte)'/' || _buf[close] != (byte)'>'
            || !_buf.AsSpan(tag + 2, open.Length).SequenceEqual(open))
        {
            return false;
        }

        utf8 = _buf.AsSpan(start, found);
        _nodeStart = tag;
        CloseElement(close + 1);
        return true;
    }

    /// <summary>Moves past white space (reading first when nothing has been read) to an element, end element, text or CDATA; <see cref="XmlNodeKind.None"/> at the end.</summary>
    public XmlNodeKind MoveToContent()
    {
        do
        {
            if (_kind is XmlNodeKind.Element or XmlNodeKind.EndElement or XmlNodeKind.Text or XmlNodeKind.CDATA)
            {
                return _kind;
            }
        }
        while (Read());

        return _kind;
    }

    /// <summary>Gives the buffer back to the pool; the stream is not closed.</summary>
    public void Dispose()
    {
        var buffer = _buf;
        _buf = [];
        _pos = _end = 0;
        _finished = true;
        _kind = XmlNodeKind.None;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Start()
    {
        _started = true;
        Ensure(3);
        if (_end - _pos >= 3 && _buf[_pos] == 0xEF && _buf[_pos + 1] == 0xBB && _buf[_pos + 2] == 0xBF)
        {
            _pos += 3;
            _documentStart = 3;
        }
    }

    private bool AtEnd()
    {
        if (_frameCount > 0)
        {
            throw Truncated(_end, $"The document ended inside <{_frames[_frameCount - 1].Name.Value}>");
        }

        if (!_rootSeen)
        {
            throw Truncated(_end, "The document has no root element");
        }

        _finished = true;
        _kind = XmlNodeKind.None;
        _name = null;
        _depth = 0;
        return false;
    }

    private string Decode(int start, int end, ValueFlags flags)
    {
        if (start == end)
        {
            return string.Empty;
        }

        var span = _buf.AsSpan(start, end - start);
        return flags == ValueFlags.None ? Encoding.UTF8.GetString(span) : DecodeSlow(span, flags);
    }
}
