using System.Net;
using System.Text;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

/// <summary>
/// Hostile or broken pages from a server: each is a typed <see cref="VimException"/> (transient only when it is a
/// truncation) or is decoded safely, never another exception, never a crash.
/// </summary>
public sealed class BadInputTests
{
    private static readonly PropertyFilterSpec AnySpec = new(
        [new PropertySpec("VirtualMachine", ["name"])], [new ObjectSpec(new ManagedObjectReference("ContainerView", "view-1"), true, [])]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_XML_is_a_protocol_error_that_is_not_retried()
    {
        var error = await FailAsync(Page(Prop("name", "<val xsi:type=\"xsd:string\">vm</value>")));

        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_body_cut_short_is_a_transient_protocol_error()
    {
        var document = Page(SoapXml.Vm(1) + SoapXml.Vm(2));
        var error = await FailAsync(document[..(document.Length * 2 / 3)]);

        Assert.True(error.IsTransient, error.Message);
    }

    [Fact]
    public async Task An_unknown_xsi_type_is_kept_as_a_data_object_of_that_type()
    {
        var objects = await RetrieveAsync(Page(Prop("config", "<val xsi:type=\"FancyNewConfig\"><name>n</name><answer xsi:type=\"xsd:int\">42</answer></val>")));

        var config = Assert.IsType<DataObject>(Assert.Single(objects)["config"]);
        Assert.Equal("FancyNewConfig", config.TypeName);
        Assert.Equal(42, config["answer"]);
    }

    [Theory]
    [InlineData("<val xsi:type=\"xsd:int\">twelve</val>", "int", "twelve")]
    [InlineData("<val xsi:type=\"xsd:long\">1e400</val>", "long", "1e400")]
    [InlineData("<val xsi:type=\"xsd:long\">9223372036854775808</val>", "long", "9223372036854775808")]
    [InlineData("<val xsi:type=\"xsd:boolean\">maybe</val>", "boolean", "maybe")]
    [InlineData("<val xsi:type=\"xsd:dateTime\">yesterday</val>", "dateTime", "yesterday")]
    [InlineData("<val xsi:type=\"xsd:base64Binary\">!!!</val>", "base64Binary", "!!!")]
    [InlineData("<val xsi:type=\"xsd:int\">99999999999</val>", "int", "99999999999")]
    [InlineData("<val xsi:type=\"xsd:int\"/>", "int", "")]
    public async Task A_value_that_does_not_parse_as_its_type_is_kept_as_text_and_the_page_goes_on(string value, string type, string text)
    {
        var objects = await RetrieveAsync(Page(Prop("summary.x", value) + SoapXml.Vm(2)));

        Assert.Equal(2, objects.Count);
        Assert.Equal(new UnparsedValue(type, text), objects[0]["summary.x"]);
    }

    [Fact]
    public async Task A_malformed_page_names_the_page_the_object_and_the_property_being_read()
    {
        var second = SoapXml.ContinuePage(
            ["<objects><obj type=\"VirtualMachine\">vm-42</obj><propSet><name>name</name><val xsi:type=\"xsd:string\">web-01</val></propSet>" +
             "<propSet><name>config.hardware.numCPU</name><val xsi:type=\"xsd:int\">4</value></propSet></objects>"],
            null);
        var fake = new FakeVim()
            .On("RetrievePropertiesEx", _ => SoapXml.Ok(SoapXml.Page([SoapXml.Vm(1)], "t1")))
            .On("ContinueRetrievePropertiesEx", _ => SoapXml.Ok(second));
        await using var client = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri("https://vc.test") }, fake, Ct);

        var error = await Assert.ThrowsAsync<VimProtocolException>(async () =>
        {
            await foreach (var content in client.RetrievePropertiesAsync(AnySpec, null, Ct))
            {
                Assert.NotNull(content);
            }
        });

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
        Assert.Contains("page 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("VirtualMachine vm-42 \"web-01\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("property config.hardware.numCPU", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_xsi_type_with_an_undeclared_prefix_is_a_protocol_error()
    {
        var error = await FailAsync(Page(Prop("name", "<val xsi:type=\"nope:Thing\">x</val>")));

        Assert.Contains("undeclared prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MB_property_value_is_decoded_whole_and_refused_by_a_lower_response_limit()
    {
        var big = new string('x', 50 * 1024 * 1024);
        var document = Page(Prop("name", $"<val xsi:type=\"xsd:string\">{big}</val>"));

        var objects = await RetrieveAsync(document);
        Assert.Equal(big.Length, Assert.IsType<string>(Assert.Single(objects)["name"]).Length);

        var error = await FailAsync(document, maxResponseCharacters: 10 * 1024 * 1024);
        Assert.Contains("size limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_split_into_a_million_nodes_is_joined_in_linear_time()
    {
        // Alternating text and CDATA: one text node each; concatenating them in a loop would be quadratic.
        var pieces = string.Concat(Enumerable.Repeat("a<![CDATA[b]]>", 1_000_000));
        var objects = await RetrieveAsync(Page(Prop("name", $"<val xsi:type=\"xsd:string\">{pieces}</val>")))
            .WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal(2_000_000, Assert.IsType<string>(Assert.Single(objects)["name"]).Length);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_before_it_can_overflow_the_stack()
    {
        const int depth = 200_000;
        var nested = new StringBuilder("<val xsi:type=\"FancyNewConfig\">");
        for (var i = 0; i < depth; i++)
        {
            nested.Append("<inner xsi:type=\"FancyNewConfig\">");
        }

        for (var i = 0; i < depth; i++)
        {
            nested.Append("</inner>");
        }

        nested.Append("</val>");

        var error = await FailAsync(Page(Prop("config", nested.ToString())));

        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_UTF8_is_a_protocol_error()
    {
        var document = Encoding.UTF8.GetBytes(Page(Prop("name", "<val xsi:type=\"xsd:string\">vm-@@</val>")));
        var at = document.AsSpan().IndexOf("@@"u8);
        document[at] = 0xC3;
        document[at + 1] = 0x28;

        var error = await FailAsync(document);

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Entity_expansion_is_refused_and_never_resolved()
    {
        const string laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
            "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">" +
            "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">" +
            "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">" +
            "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
        var error = await FailAsync(laughs + Page(Prop("name", "<val xsi:type=\"xsd:string\">&lol9;</val>"))[38..]);

        Assert.Contains("document type declaration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_entity_is_refused_and_the_file_it_names_is_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"vcsync-xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "XXE-CANARY-3b1d", Ct);
        try
        {
            var document = $"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file://{secret}\">]>" +
                           Page(Prop("name", "<val xsi:type=\"xsd:string\">&e;</val>"))[38..];
            var error = await FailAsync(document);

            Assert.Contains("document type declaration", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("XXE-CANARY", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    internal static string Page(string objectsXml) => SoapXml.Envelope(SoapXml.Page([objectsXml], null));

    internal static string Prop(string path, string valueXml) =>
        $"<objects><obj type=\"VirtualMachine\">vm-1</obj><propSet><name>{path}</name>{valueXml}</propSet></objects>";

    private static Task<List<ObjectContent>> RetrieveAsync(string document) => RetrieveAsync(Encoding.UTF8.GetBytes(document));

    private static async Task<List<ObjectContent>> RetrieveAsync(byte[] document, long? maxResponseCharacters = null)
    {
        var fake = new FakeVim().On("RetrievePropertiesEx", _ => Bytes(document));
        var options = new VimClientOptions { Url = new Uri("https://vc.test"), MaxResponseCharacters = maxResponseCharacters ?? 512L * 1024 * 1024 };
        await using var client = await VimClient.ConnectAsync(options, fake, Ct);
        var objects = new List<ObjectContent>();
        await foreach (var content in client.RetrievePropertiesAsync(AnySpec, null, Ct))
        {
            objects.Add(content);
        }

        return objects;
    }

    private static Task<VimProtocolException> FailAsync(string document, long? maxResponseCharacters = null) =>
        FailAsync(Encoding.UTF8.GetBytes(document), maxResponseCharacters);

    private static async Task<VimProtocolException> FailAsync(byte[] document, long? maxResponseCharacters = null)
    {
        var error = await Assert.ThrowsAsync<VimProtocolException>(() => RetrieveAsync(document, maxResponseCharacters));
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    private static HttpResponseMessage Bytes(byte[] document)
    {
        var content = new ByteArrayContent(document);
        content.Headers.ContentType = new("text/xml") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
