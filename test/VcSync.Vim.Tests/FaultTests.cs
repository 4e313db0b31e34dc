using System.Net;
using System.Text;
using VcSync.Vim.Faults;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

public sealed class FaultTests
{
    private static readonly ManagedObjectReference Vm = new("VirtualMachine", "vm-1");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Faults_map_to_typed_exceptions_carrying_the_faultstring()
    {
        var fake = new FakeVim();
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);

        async Task<VimFaultException> Fail(HttpResponseMessage response)
        {
            fake.On("Rename_Task", _ => response);
            return await Assert.ThrowsAnyAsync<VimFaultException>(() => client.InvokeAsync("Rename_Task", Vm, [new("newName", "x")], Ct));
        }

        var notAuthenticated = await Fail(SoapXml.Fault(
            "NotAuthenticated", "The session is not authenticated.", "<object type=\"Folder\">group-d1</object><privilegeId>System.View</privilegeId>"));
        Assert.IsType<NotAuthenticatedException>(notAuthenticated);
        Assert.IsAssignableFrom<NoPermissionException>(notAuthenticated);
        Assert.Equal("The session is not authenticated. (vSphere fault NotAuthenticated)", notAuthenticated.Message);
        Assert.Equal("System.View", notAuthenticated.Detail?["privilegeId"]);
        Assert.True(notAuthenticated.IsA("SecurityError"));

        var notFound = await Fail(SoapXml.Fault("ManagedObjectNotFound", "The object 'vim.VirtualMachine:vm-1' has already been deleted or has not been completely created", "<obj type=\"VirtualMachine\">vm-1</obj>"));
        Assert.IsType<ManagedObjectNotFoundException>(notFound);
        Assert.Equal(Vm, notFound.Detail?["obj"]);

        Assert.IsType<InvalidPropertyException>(await Fail(SoapXml.Fault("InvalidProperty", "config.nope", "<name>config.nope</name>")));
        Assert.IsType<InvalidArgumentException>(await Fail(SoapXml.Fault("InvalidArgument", "A specified parameter was not correct: token", "<invalidProperty>token</invalidProperty>")));
        Assert.IsType<NoPermissionException>(await Fail(SoapXml.Fault("NoPermission", "Permission to perform this operation was denied.")));

        var unknown = await Fail(SoapXml.Fault("FancyNewFault", "Something new\nacross lines"));
        Assert.Equal(typeof(VimFaultException), unknown.GetType());
        Assert.Equal("FancyNewFault", unknown.FaultType);
        Assert.DoesNotContain('\n', unknown.Message);
    }

    [Fact]
    public async Task A_fault_without_detail_falls_back_to_the_faultcode()
    {
        var fake = new FakeVim().On("Rename_Task", _ => SoapXml.Xml(HttpStatusCode.InternalServerError, SoapXml.Envelope(
            "<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>boom</faultstring></soapenv:Fault>")));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<VimFaultException>(() => client.InvokeAsync("Rename_Task", Vm, [], Ct));
        Assert.Equal("Server", error.FaultType);
        Assert.Equal("boom", error.FaultMessage);
    }

    public static TheoryData<string, HttpResponseMessage> BadResponses() => new()
    {
        { "malformed", SoapXml.Xml(HttpStatusCode.OK, SoapXml.Envelope("<CurrentTimeResponse xmlns=\"urn:vim25\"><returnval>x</oops></CurrentTimeResponse>")) },
        { "truncated", SoapXml.Xml(HttpStatusCode.OK, SoapXml.Envelope(SoapXml.Response("CurrentTime", "2024-01-02T03:04:05Z"))[..^30]) },
        { "not soap", SoapXml.Xml(HttpStatusCode.OK, "<html><body>hello</body></html>") },
        { "html 500", Html(HttpStatusCode.InternalServerError, "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>") },
        { "html 503", Html(HttpStatusCode.ServiceUnavailable, "<html><head><title>503 Service Unavailable</title></head><body>vpxd is starting</body></html>") },
        { "xml 502", SoapXml.Xml(HttpStatusCode.BadGateway, "<error/>") },
        { "dtd", SoapXml.Xml(HttpStatusCode.OK, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" + SoapXml.Envelope(SoapXml.Response("CurrentTime", "&b;"))[38..]) },
        { "external entity", SoapXml.Xml(HttpStatusCode.OK, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>") },
        { "gzip corrupt", Corrupt() },
    };

    [Theory]
    [MemberData(nameof(BadResponses))]
    public async Task Bad_responses_are_protocol_errors(string name, HttpResponseMessage response)
    {
        var fake = new FakeVim().On("CurrentTime", _ => response);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<VimProtocolException>(() => client.InvokeAsync("CurrentTime", new("ServiceInstance", "ServiceInstance"), [], Ct));
        Assert.DoesNotContain('\n', error.Message);
        if (name.StartsWith("html", StringComparison.Ordinal))
        {
            Assert.Contains(name[5..], error.Message, StringComparison.Ordinal);
            Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
        }

        if (name == "dtd")
        {
            Assert.Contains("document type declaration", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_absurdly_large_response_is_refused()
    {
        var fake = new FakeVim();
        await using (var client = await fake.ConnectAsync(cancellationToken: Ct))
        {
        }

        fake.On("CurrentTime", _ => SoapXml.Ok(SoapXml.Response("CurrentTime", new string('x', 20_000))));
        await using var small = await VimClient.ConnectAsync(new VimClientOptions { Url = new Uri("vc.test", UriKind.RelativeOrAbsolute), MaxResponseCharacters = 10_000 }, fake, Ct);
        var error = await Assert.ThrowsAsync<VimProtocolException>(() => small.InvokeAsync("CurrentTime", new("ServiceInstance", "ServiceInstance"), [], Ct));
        Assert.Contains("size limit", error.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Html(HttpStatusCode status, string html) =>
        new(status) { Content = new StringContent(html, Encoding.UTF8, "text/html") };

    private static HttpResponseMessage Corrupt()
    {
        var response = SoapXml.Gzip(SoapXml.Envelope(SoapXml.Response("CurrentTime", new string('x', 5000))));
        var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        for (var i = 20; i < bytes.Length - 10; i += 7)
        {
            bytes[i] ^= 0x5a;
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/xml");
        content.Headers.ContentEncoding.Add("gzip");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
