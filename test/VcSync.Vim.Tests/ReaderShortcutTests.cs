using System.Text;
using VcSync.Vim.Soap;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;
using VcSync.Vim.Xml;

namespace VcSync.Vim.Tests;

/// <summary>
/// The reader's shortcuts against reading node by node: <see cref="VimXmlReader.TryReadTextContent"/> (a leaf's text and
/// end tag in one step) and <see cref="VimXmlReader.Skip"/> (which uses it) must give the same nodes, and refuse the same
/// documents, as plain <see cref="VimXmlReader.Read"/> calls; the decoder must give the same values either way.
/// </summary>
public sealed class ReaderShortcutTests
{
    private const int Mutations = 400;

    [Fact]
    public void Shortcuts_give_the_same_nodes_on_recorded_pages_and_constructs_at_every_read_size()
    {
        var documents = XmlReaderDifferentialTests.Recorded()
            .Concat(XmlReaderDifferentialTests.Constructs.Select(Encoding.UTF8.GetBytes))
            .Concat(Hostile.Select(Encoding.UTF8.GetBytes));
        foreach (var document in documents)
        {
            Assert.True(AssertSame(document, seed: 7), $"Refused: {Show(document)}");
        }
    }

    [Fact]
    public void Shortcuts_refuse_what_reading_node_by_node_refuses()
    {
        foreach (var document in XmlReaderDifferentialTests.Refused.Concat(HostileRefused))
        {
            Assert.False(AssertSame(Encoding.UTF8.GetBytes(document), seed: 3), $"Accepted: {document}");
        }
    }

    [Fact]
    public void Seeded_mutations_of_recorded_pages_give_the_same_nodes_or_the_same_refusal()
    {
        var random = new Random(20261202);
        var seeds = XmlReaderDifferentialTests.Recorded().ToArray();
        var accepted = 0;
        for (var i = 0; i < Mutations; i++)
        {
            if (AssertSame(XmlReaderDifferentialTests.Mutate(seeds[random.Next(seeds.Length)], random), random.Next()))
            {
                accepted++;
            }
        }

        Assert.InRange(accepted, Mutations / 20, Mutations - (Mutations / 20));
    }

    [Fact]
    public void A_leaf_is_read_in_one_step_only_when_its_text_is_plain()
    {
        Assert.Equal("abc", Leaf("<a>abc</a>"));
        Assert.Equal(string.Empty, Leaf("<a></a>"));
        Assert.Equal(" \t\n ", Leaf("<a> \t\n </a>"));
        Assert.Equal("x > y", Leaf("<p:a xmlns:p=\"urn:p\">x > y</p:a>"));
        Assert.Null(Leaf("<a>a&amp;b</a>"));
        Assert.Null(Leaf("<a>a\r\nb</a>"));
        Assert.Null(Leaf("<a>é</a>"));
        Assert.Null(Leaf("<a>]</a>"));
        Assert.Null(Leaf("<a><b/></a>"));
        Assert.Null(Leaf("<a>x<!-- c --></a>"));
        Assert.Null(Leaf("<a><![CDATA[x]]></a>"));
        Assert.Null(Leaf("<a>x</ab>"));
        Assert.Null(Leaf("<ab>x</a>"));
        Assert.Null(Leaf("<a>x</a >"));
        Assert.Null(Leaf("<a/>"));
    }

    [Fact]
    public void The_decoder_gives_the_same_values_whether_leaves_are_read_in_one_step_or_node_by_node()
    {
        string[] values =
        [
            "<val xsi:type=\"xsd:string\">hello</val>", "<val xsi:type=\"xsd:string\"> </val>", "<val xsi:type=\"xsd:string\"></val>",
            "<val xsi:type=\"xsd:int\"> 42 </val>", "<val xsi:type=\"xsd:int\">4x</val>", "<val xsi:type=\"xsd:int\">99999999999</val>",
            "<val xsi:type=\"xsd:long\">-17179869184</val>", "<val xsi:type=\"xsd:short\">x</val>", "<val xsi:type=\"xsd:byte\">-1</val>",
            "<val xsi:type=\"xsd:boolean\">\ttrue\n</val>", "<val xsi:type=\"xsd:boolean\">yes</val>", "<val xsi:type=\"xsd:double\">INF</val>",
            "<val xsi:type=\"xsd:double\">1e400x</val>", "<val xsi:type=\"xsd:float\">2.5</val>", "<val xsi:type=\"xsd:float\">nope</val>",
            "<val xsi:type=\"xsd:dateTime\">2026-11-13T23:39:00Z</val>", "<val xsi:type=\"xsd:dateTime\"> 2026-11-13T23:39:00.5+01:00 </val>",
            "<val xsi:type=\"xsd:dateTime\">not a time</val>", "<val xsi:type=\"xsd:base64Binary\">AQID</val>", "<val xsi:type=\"xsd:base64Binary\">!!</val>",
            "<val xsi:type=\"ManagedObjectReference\" type=\"HostSystem\">host-1</val>", "<val type=\"Folder\">group-d1</val>", "<val type=\"Folder\"> </val>",
            "<val xsi:type=\"VirtualMachinePowerState\">poweredOn</val>", "<val xsi:type=\"VirtualMachinePowerState\">  </val>",
            "<val>plain</val>", "<val>  </val>", "<val></val>", "<val xsi:type=\"ArrayOfString\"><string>a</string><string> </string><string></string></val>",
            "<val xsi:type=\"ArrayOfInt\"> </val>", "<val xsi:type=\"ArrayOfInt\"><int>1</int><int>2</int></val>",
            "<val xsi:type=\"NumericRange\"><start>1</start><end> 7 </end></val>", "<val xsi:type=\"NumericRange\"> </val>",
            "<val xsi:type=\"VmwareDistributedVirtualSwitchTrunkVlanSpec\"><vlanId><start>1</start><end>2</end></vlanId><inherited>false</inherited></val>",
            "<val xsi:type=\"GuestInfo\"><net><ipAddress>10.0.0.1</ipAddress><network>VM Network</network><connected>true</connected></net></val>",
            "<val xsi:type=\"AlarmState\"><key>k</key><entity type=\"HostSystem\">host-9</entity><time>2026-11-13T23:39:00Z</time><acknowledged>0</acknowledged></val>",
            "<val xsi:nil=\"true\">ignored</val>",
        ];
        foreach (var value in values)
        {
            Assert.Equal(Show(DecodeValue(value, chunk: 0)), Show(DecodeValue(value, chunk: 1)));
        }
    }

    [Fact]
    public void The_decoder_gives_the_same_values_for_the_recorded_page_either_way()
    {
        var page = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Resources", "simulator-page.xml"));
        var whole = Show(DecodePage(page, chunk: 0));
        Assert.Equal(whole, Show(DecodePage(page, chunk: 1)));
        Assert.Equal(whole, Show(DecodePage(page, chunk: 5)));
        Assert.Contains("VirtualMachine", whole, StringComparison.Ordinal);
    }

    // Markup that is rare on vim25 pages but legal, inside elements that are skipped and leaves read in one step.
    private static readonly string[] Hostile =
    [
        "<a><b x=\"a>b\" y='c/>d'>t</b><c x=\"/>\"/><d>x</d></a>",
        "<a><b><!-- </b> --><c>1</c></b><b><![CDATA[</b><b>]]></b><d>2</d></a>",
        "<a><b><?pi </b>?></b><b>&lt;/b&gt;</b><c>x</c></a>",
        "<p:a xmlns:p=\"urn:p\"><p:b><p:c>1</p:c><c xmlns=\"urn:q\">2</c></p:b><p:b/></p:a>",
        "<a><b>x</b ><b>y</b\n><bb>z</bb><b>w</b></a>",
        "<a><b><b><b>deep</b></b></b><b>1</b></a>",
    ];

    private static readonly string[] HostileRefused =
    [
        "<a><b>x</c></a>", "<a><b><c>x</c></a>", "<a><b>x</B></a>", "<a><b>x</b>", "<a><b>x\u0001</b></a>", "<a><b>x&bad;</b></a>",
        "<a><b>]]></b></a>", "<a><b x=\"1\" x=\"2\">x</b></a>", "<a><p:b>x</p:b></a>", "<a><b>x</b></a></a>", "<a><b>x</b>",
    ];

    // Walks the document node by node and with the shortcuts (skipping the same seeded choice of elements) at several
    // read sizes; asserts the same events and the same outcome; true when the document was accepted.
    private static bool AssertSame(byte[] document, int seed)
    {
        var (expected, expectedError) = Walk(new MemoryStream(document), new Random(seed), shortcuts: false);
        Assert.True(expectedError is null or VimXmlException, $"Node by node threw {expectedError}: {Show(document)}");
        Stream[] streams = [new MemoryStream(document), new ChunkedStream(document, 1), new ChunkedStream(document, 7), new ChunkedStream(document, 64, new Random(seed))];
        foreach (var stream in streams)
        {
            var (actual, error) = Walk(stream, new Random(seed), shortcuts: true);
            Assert.True(error is null or VimXmlException, $"The shortcuts threw {error}: {Show(document)}");
            Assert.True(
                (expectedError is null) == (error is null),
                $"Node by node: {expectedError?.Message ?? "accepted"}; shortcuts: {error?.Message ?? "accepted"}: {Show(document)}");
            if (error is null)
            {
                Assert.Equal(expected, actual);
            }
        }

        return expectedError is null;
    }

    private static (List<string> Events, Exception? Error) Walk(Stream stream, Random random, bool shortcuts)
    {
        var events = new List<string>();
        try
        {
            using var r = new VimXmlReader(stream, new AtomTable(), long.MaxValue);
            var moved = r.Read();
            while (moved)
            {
                switch (r.NodeType)
                {
                    case XmlNodeKind.Element when random.Next(4) == 0:
                        events.Add($"skip {r.Depth} {r.Name}");
                        if (shortcuts)
                        {
                            r.Skip();
                        }
                        else
                        {
                            SkipNodeByNode(r);
                        }

                        moved = r.NodeType != XmlNodeKind.None;
                        continue;
                    case XmlNodeKind.Element:
                        events.Add(Start(r));
                        if (shortcuts && r.TryReadTextContent(out var text))
                        {
                            AddText(events, Encoding.UTF8.GetString(text));
                            events.Add($"</{r.Depth} {{{r.NamespaceURI}}}{r.LocalName}");
                        }

                        break;
                    case XmlNodeKind.Text or XmlNodeKind.CDATA or XmlNodeKind.Whitespace:
                        AddText(events, r.Value);
                        break;
                    case XmlNodeKind.EndElement:
                        events.Add($"</{r.Depth} {{{r.NamespaceURI}}}{r.LocalName}");
                        break;
                }

                moved = r.Read();
            }

            return (events, null);
        }
        catch (Exception e)
        {
            return (events, e);
        }
    }

    // What Skip did before it had a shortcut.
    private static void SkipNodeByNode(VimXmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return;
        }

        var depth = r.Depth;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeKind.EndElement && r.Depth == depth)
            {
                r.Read();
                return;
            }
        }
    }

    private static string Start(VimXmlReader r)
    {
        var attributes = new StringBuilder();
        for (var i = 0; i < r.AttributeCount; i++)
        {
            attributes.Append(" {").Append(r.GetAttributeNamespace(i)).Append('}').Append(r.GetAttributeLocalName(i)).Append('=').Append(r.GetAttributeValue(i));
        }

        return $"<{r.Depth} {{{r.NamespaceURI}}}{r.LocalName}{(r.IsEmptyElement ? " empty" : string.Empty)}{attributes}";
    }

    // Text, CDATA and white space in a row are one run: the shortcut reports a leaf's text as one piece.
    private static void AddText(List<string> events, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (events.Count > 0 && events[^1].StartsWith("text ", StringComparison.Ordinal))
        {
            events[^1] += text;
        }
        else
        {
            events.Add("text " + text);
        }
    }

    private static string? Leaf(string xml)
    {
        using var r = new VimXmlReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new AtomTable(), long.MaxValue);
        r.Read();
        if (!r.TryReadTextContent(out var text))
        {
            Assert.Equal(XmlNodeKind.Element, r.NodeType);
            return null;
        }

        Assert.Equal(XmlNodeKind.EndElement, r.NodeType);
        Assert.Equal(0, r.Depth);
        var value = Encoding.UTF8.GetString(text);
        Assert.False(r.Read());
        return value;
    }

    // chunk 0: the whole document in one read, so leaves take the shortcut; 1: a byte per read, so they cannot.
    private static object? DecodeValue(string elementXml, int chunk)
    {
        var xml = "<root xmlns=\"urn:vim25\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" " +
                  $"xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">{elementXml}<after/></root>";
        var names = new XmlNames();
        var bytes = Encoding.UTF8.GetBytes(xml);
        using var r = new VimXmlReader(chunk == 0 ? new MemoryStream(bytes) : new ChunkedStream(bytes, chunk), names.Table, long.MaxValue);
        r.MoveToContent();
        r.Read();
        r.MoveToContent();
        var value = new ValueDecoder(names).ReadValue(r, null, out var isNil);
        r.MoveToContent();
        Assert.Equal("after", r.LocalName);
        return isNil ? "(nil)" : value;
    }

    private static object? DecodePage(byte[] page, int chunk)
    {
        var names = new XmlNames();
        using var r = new VimXmlReader(chunk == 0 ? new MemoryStream(page) : new ChunkedStream(page, chunk), names.Table, long.MaxValue);
        while (r.Read() && !(r.NodeType == XmlNodeKind.Element && r.LocalName == "returnval"))
        {
        }

        return new ValueDecoder(names).ReadValue(r, "RetrieveResult", out _);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DataObject data => $"{data.TypeName}{{{string.Join(", ", data.Fields.Select(f => $"{f.Key}={Show(f.Value)}"))}}}",
        ManagedObjectReference reference => $"{reference.Type}:{reference.Value}",
        byte[] bytes => "bytes " + Convert.ToHexString(bytes),
        System.Collections.IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Show))}]",
        IFormattable formattable => $"{value.GetType().Name} {formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name} {value}",
    };

    private static string Show(byte[] document) =>
        document.Length > 2000 ? $"{document.Length} bytes" : Encoding.UTF8.GetString(document).Replace("\n", "\\n", StringComparison.Ordinal);
}
