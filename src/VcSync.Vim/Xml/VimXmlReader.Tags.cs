using System.Runtime.InteropServices;

namespace VcSync.Vim.Xml;

/// <summary>Start and end tags: names, attributes, namespace scopes and the element stack.</summary>
internal sealed partial class VimXmlReader
{
    private const int HashedDuplicateCheck = 16;

    private Frame[] _frames = new Frame[32];
    private int _frameCount;
    private Binding[] _bindings = new Binding[16];
    private int _bindingCount;
    private Attr[] _attrs = new Attr[8];
    private int _attrCount;
    private bool _rootSeen;
    private bool _rootClosed;
    private Atom? _lastUri;
    private bool _lastTagClosed;

    private ref Attr Attribute(int index)
    {
        if ((uint)index >= (uint)AttributeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return ref _attrs[index];
    }

    // A tag is parsed from its '<' each time: when the buffer ends inside it, it is refilled and the tag parsed again,
    // so nothing is half-recorded. Tags are small next to the buffer; a huge one grows it.
    private void ReadStartTag()
    {
        while (!TryStartTag())
        {
            if (!Refill())
            {
                throw Truncated(_end, "The document ended inside a start tag");
            }
        }
    }

    private void ReadEndTag()
    {
        while (!TryEndTag())
        {
            if (!Refill())
            {
                throw Truncated(_end, "The document ended inside an end tag");
            }
        }
    }

    private bool TryStartTag()
    {
        var tagStart = _pos;
        if (_rootClosed)
        {
            throw Malformed(tagStart, "The document has a second root element");
        }

        var i = tagStart + 1;
        var previous = _name;
        var name = Guessed(i, previous is null ? null : _lastTagClosed ? previous.AfterClose : previous.AfterOpen, out var nameEnd);
        if (name is null)
        {
            nameEnd = ScanName(i);
            if (nameEnd < 0)
            {
                return false;
            }

            name = NameAt(i, nameEnd);
            if (previous is not null)
            {
                if (_lastTagClosed)
                {
                    previous.AfterClose = name;
                }
                else
                {
                    previous.AfterOpen = name;
                }
            }
        }

        i = nameEnd;
        _attrCount = 0;
        bool empty;
        while (true)
        {
            if (i >= _end)
            {
                return false;
            }

            var b = _buf[i];
            var spaced = false;
            while (XmlChars.IsWhitespace(b))
            {
                spaced = true;
                if (++i >= _end)
                {
                    return false;
                }

                b = _buf[i];
            }

            if (b == (byte)'>')
            {
                empty = false;
                i++;
                break;
            }

            if (b == (byte)'/')
            {
                if (i + 1 >= _end)
                {
                    return false;
                }

                if (_buf[i + 1] != (byte)'>')
                {
                    throw Malformed(i, $"Expected '>' after '/' in the start tag of <{name.Value}>");
                }

                empty = true;
                i += 2;
                break;
            }

            if (!spaced)
            {
                throw Malformed(i, $"Expected white space, '>' or '/>' in the start tag of <{name.Value}>, found {XmlChars.Describe(b)}");
            }

            i = TryAttribute(i, name);
            if (i < 0)
            {
                return false;
            }
        }

        Open(name, empty, tagStart);
        _lastTagClosed = empty;
        _pos = i;
        return true;
    }

    // Reads one attribute at i; returns the offset after its closing quote, or -1 when the buffer ends first.
    private int TryAttribute(int i, Atom element)
    {
        var previous = _attrCount > 0 ? _attrs[_attrCount - 1].Name : null;
        var name = Guessed(i, previous is null ? element.FirstAttribute : previous.NextAttribute, out var nameEnd);
        if (name is null)
        {
            nameEnd = ScanName(i);
            if (nameEnd < 0)
            {
                return -1;
            }

            name = NameAt(i, nameEnd);
            if (previous is null)
            {
                element.FirstAttribute = name;
            }
            else
            {
                previous.NextAttribute = name;
            }
        }

        i = SkipWhitespace(nameEnd);
        if (i < 0)
        {
            return -1;
        }

        if (_buf[i] != (byte)'=')
        {
            throw Malformed(i, $"Expected '=' after the attribute {name.Value} of <{element.Value}>");
        }

        i = SkipWhitespace(i + 1);
        if (i < 0)
        {
            return -1;
        }

        var quote = _buf[i];
        if (quote is not ((byte)'"' or (byte)'\''))
        {
            throw Malformed(i, $"The value of the attribute {name.Value} of <{element.Value}> is not quoted");
        }

        var valueEnd = ScanAttributeValue(i + 1, quote, out var flags);
        if (valueEnd < 0)
        {
            return -1;
        }

        if (_attrCount == _attrs.Length)
        {
            Array.Resize(ref _attrs, _attrs.Length * 2);
        }

        _attrs[_attrCount++] = new Attr { Name = name, ValueStart = i + 1, ValueEnd = valueEnd, Flags = flags, Namespace = string.Empty };
        return valueEnd + 1;
    }

    private int SkipWhitespace(int i)
    {
        while (true)
        {
            if (i >= _end)
            {
                return -1;
            }

            if (!XmlChars.IsWhitespace(_buf[i]))
            {
                return i;
            }

            i++;
        }
    }

    private bool TryEndTag()
    {
        var tagStart = _pos;
        var i = tagStart + 2;
        if (_frameCount > 0)
        {
            // The usual case: the open element's name followed by '>', compared as bytes without atomizing anything.
            var open = _frames[_frameCount - 1].Name.Utf8;
            var after = i + open.Length;
            if (after < _end && _buf[after] == (byte)'>' && _buf.AsSpan(i, open.Length).SequenceEqual(open))
            {
                CloseElement(after + 1);
                return true;
            }
        }

        var nameEnd = ScanName(i);
        if (nameEnd < 0)
        {
            return false;
        }

        var name = NameAt(i, nameEnd);
        i = SkipWhitespace(nameEnd);
        if (i < 0)
        {
            return false;
        }

        if (_buf[i] != (byte)'>')
        {
            throw Malformed(i, $"Expected '>' to close the end tag </{name.Value}>, found {XmlChars.Describe(_buf[i])}");
        }

        if (_frameCount == 0)
        {
            throw Malformed(tagStart, $"The end tag </{name.Value}> has no start tag");
        }

        var top = _frames[_frameCount - 1].Name;
        if (!ReferenceEquals(top, name))
        {
            throw Malformed(tagStart, $"The end tag </{name.Value}> does not match the start tag <{top.Value}>");
        }

        CloseElement(i + 1);
        return true;
    }

    private void CloseElement(int next)
    {
        ref var top = ref _frames[_frameCount - 1];
        _lastTagClosed = true;
        _kind = XmlNodeKind.EndElement;
        _name = top.Name;
        _ns = top.Namespace;
        _isEmpty = false;
        _depth = _frameCount - 1;
        _popPending = true;
        _pos = next;
    }

    private void Open(Atom name, bool empty, int tagStart)
    {
        _rootSeen = true;
        var scope = _bindingCount;
        for (var a = 0; a < _attrCount; a++)
        {
            ref var attr = ref _attrs[a];
            var prefix = attr.Name.Prefix;
            if (prefix is null && ReferenceEquals(attr.Name.Local, _xmlnsName))
            {
                Bind(string.Empty, ref attr, tagStart);
            }
            else if (ReferenceEquals(prefix, _xmlnsName))
            {
                Bind(attr.Name.Local, ref attr, tagStart);
            }
        }

        // System.Xml puts an element named xmlns:x in the xmlns namespace rather than refusing it; so does this reader.
        var ns = ReferenceEquals(name.Prefix, _xmlnsName) ? _xmlnsUri : Resolve(name.Prefix, tagStart);
        for (var a = 0; a < _attrCount; a++)
        {
            ref var attr = ref _attrs[a];
            var prefix = attr.Name.Prefix;
            attr.Namespace = prefix is null
                ? (ReferenceEquals(attr.Name.Local, _xmlnsName) ? _xmlnsUri : string.Empty)
                : ReferenceEquals(prefix, _xmlnsName) ? _xmlnsUri : Resolve(prefix, tagStart);
        }

        if (_attrCount > 1)
        {
            CheckDuplicates(name, tagStart);
        }

        if (_frameCount == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_frameCount++] = new Frame { Name = name, Namespace = ns, Scope = scope };
        _kind = XmlNodeKind.Element;
        _name = name;
        _ns = ns;
        _isEmpty = empty;
        _depth = _frameCount - 1;
        _popPending = empty;
    }

    private void Bind(string prefix, ref Attr attr, int tagStart)
    {
        string uri;
        var bytes = _buf.AsSpan(attr.ValueStart, attr.ValueEnd - attr.ValueStart);
        if (attr.Flags != ValueFlags.None)
        {
            uri = _atoms.Add(Decode(attr.ValueStart, attr.ValueEnd, attr.Flags));
        }
        else if (_lastUri is not null && bytes.SequenceEqual(_lastUri.Utf8))
        {
            // Some servers declare the same namespace on every value element: skip the lookup.
            uri = _lastUri.Value;
        }
        else
        {
            _lastUri = bytes.IsEmpty ? null : _atoms.Lookup(bytes);
            uri = _lastUri?.Value ?? string.Empty;
        }

        if (prefix.Length > 0 && uri.Length == 0)
        {
            throw Malformed(tagStart, $"The prefix '{prefix}' cannot be bound to the empty namespace");
        }

        if (ReferenceEquals(prefix, _xmlnsName) || ReferenceEquals(uri, _xmlnsUri)
            || ReferenceEquals(prefix, _xmlName) != ReferenceEquals(uri, _xmlUri))
        {
            throw Malformed(tagStart, $"The declaration of the prefix '{prefix}' misuses a reserved prefix or namespace");
        }

        if (_bindingCount == _bindings.Length)
        {
            Array.Resize(ref _bindings, _bindings.Length * 2);
        }

        _bindings[_bindingCount++] = new Binding { Prefix = prefix, Uri = uri };
    }

    private string Resolve(string? prefix, int tagStart)
    {
        prefix ??= string.Empty;
        for (var i = _bindingCount - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_bindings[i].Prefix, prefix))
            {
                return _bindings[i].Uri;
            }
        }

        if (prefix.Length == 0)
        {
            return string.Empty;
        }

        return ReferenceEquals(prefix, _xmlName) ? _xmlUri : throw Malformed(tagStart, $"The prefix '{prefix}' is not declared");
    }

    private void CheckDuplicates(Atom element, int tagStart)
    {
        if (_attrCount <= HashedDuplicateCheck)
        {
            for (var a = 1; a < _attrCount; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    if (ReferenceEquals(_attrs[a].Name, _attrs[b].Name)
                        || (ReferenceEquals(_attrs[a].Name.Local, _attrs[b].Name.Local) && ReferenceEquals(_attrs[a].Namespace, _attrs[b].Namespace)))
                    {
                        throw Malformed(tagStart, $"The element <{element.Value}> repeats the attribute {_attrs[a].Name.Value}");
                    }
                }
            }

            return;
        }

        var seen = new HashSet<(string, string)>();
        for (var a = 0; a < _attrCount; a++)
        {
            if (!seen.Add((_attrs[a].Name.Local, _attrs[a].Namespace)) || !seen.Add((_attrs[a].Name.Value, "\0qualified")))
            {
                throw Malformed(tagStart, $"The element <{element.Value}> repeats the attribute {_attrs[a].Name.Value}");
            }
        }
    }

    private void PopFrame()
    {
        _popPending = false;
        _bindingCount = _frames[--_frameCount].Scope;
        _frames[_frameCount] = default;
        if (_frameCount == 0)
        {
            _rootClosed = true;
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Frame
    {
        public Atom Name;
        public string Namespace;
        public int Scope;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Binding
    {
        public string Prefix;
        public string Uri;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Attr
    {
        public Atom Name;
        public string Namespace;
        public int ValueStart;
        public int ValueEnd;
        public ValueFlags Flags;
    }
}
