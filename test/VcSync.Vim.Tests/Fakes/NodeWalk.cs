using System.Text;
using System.Xml;
using VcSync.Vim.Xml;

namespace VcSync.Vim.Tests.Fakes;

/// <summary>
/// Walks a document with System.Xml's <see cref="XmlReader"/> (the oracle, with the settings the client used before it had
/// its own reader) or with <see cref="VimXmlReader"/>, into one line per node. Adjacent text, CDATA and white space
/// nodes are joined (the decoder reads them as one text either way), and white space outside the root is left out.
/// </summary>
internal static class NodeWalk
{
    public static XmlReaderSettings OracleSettings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = true,
        CloseInput = false,
    };

    /// <summary>The oracle's nodes, or the exception it threw.</summary>
    public static (List<string> Nodes, Exception? Error) Oracle(Stream stream)
    {
        var nodes = new List<string>();
        var text = new TextRun();
        try
        {
            using var r = XmlReader.Create(stream, OracleSettings);
            while (r.Read())
            {
                switch (r.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        if (r.Depth > 0)
                        {
                            text.Add(r.Depth, r.Value, r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA);
                        }

                        break;
                    case XmlNodeType.Element:
                        text.Flush(nodes);
                        var attributes = new List<string>();
                        while (r.MoveToNextAttribute())
                        {
                            attributes.Add($"{{{r.NamespaceURI}}}{r.LocalName}={r.Value}");
                        }

                        r.MoveToElement();
                        nodes.Add(Element(r.Depth, r.NamespaceURI, r.LocalName, r.IsEmptyElement, attributes));
                        break;
                    case XmlNodeType.EndElement:
                        text.Flush(nodes);
                        nodes.Add(End(r.Depth, r.NamespaceURI, r.LocalName));
                        break;
                }
            }

            text.Flush(nodes);
            return (nodes, null);
        }
        catch (Exception e)
        {
            return (nodes, e);
        }
    }

    /// <summary>The client reader's nodes, or the exception it threw.</summary>
    public static (List<string> Nodes, Exception? Error) Client(Stream stream)
    {
        var nodes = new List<string>();
        var text = new TextRun();
        try
        {
            using var r = new VimXmlReader(stream, new AtomTable(), long.MaxValue);
            while (r.Read())
            {
                switch (r.NodeType)
                {
                    case XmlNodeKind.Text or XmlNodeKind.CDATA or XmlNodeKind.Whitespace:
                        var value = r.Value;
                        if (r.TryGetRawValue(out var raw) && Encoding.UTF8.GetString(raw) != value)
                        {
                            throw new InvalidOperationException($"The raw value differs from the value '{value}'.");
                        }

                        text.Add(r.Depth, value, r.NodeType is XmlNodeKind.Text or XmlNodeKind.CDATA);
                        break;
                    case XmlNodeKind.Element:
                        text.Flush(nodes);
                        var attributes = new List<string>();
                        for (var i = 0; i < r.AttributeCount; i++)
                        {
                            if (!ReferenceEquals(r.GetAttributeAtom(i), r.GetAttributeAtom(i)))
                            {
                                throw new InvalidOperationException("An attribute atom is not stable.");
                            }

                            attributes.Add($"{{{r.GetAttributeNamespace(i)}}}{r.GetAttributeLocalName(i)}={r.GetAttributeValue(i)}");
                        }

                        nodes.Add(Element(r.Depth, r.NamespaceURI, r.LocalName, r.IsEmptyElement, attributes));
                        break;
                    case XmlNodeKind.EndElement:
                        text.Flush(nodes);
                        nodes.Add(End(r.Depth, r.NamespaceURI, r.LocalName));
                        break;
                }
            }

            text.Flush(nodes);
            return (nodes, null);
        }
        catch (Exception e)
        {
            return (nodes, e);
        }
    }

    private static string Element(int depth, string ns, string local, bool empty, List<string> attributes) =>
        $"<{depth} {{{ns}}}{local}{(empty ? " empty" : string.Empty)} [{string.Join(" ; ", attributes)}]";

    private static string End(int depth, string ns, string local) => $"</{depth} {{{ns}}}{local}";

    private sealed class TextRun
    {
        private readonly StringBuilder _value = new();
        private int _depth = -1;
        private bool _isText;

        public void Add(int depth, string value, bool isText)
        {
            _depth = depth;
            _value.Append(value);
            _isText |= isText;
        }

        public void Flush(List<string> nodes)
        {
            if (_depth >= 0)
            {
                nodes.Add($"{(_isText ? "text" : "white space")} {_depth} {_value}");
            }

            _value.Clear();
            _depth = -1;
            _isText = false;
        }
    }
}
