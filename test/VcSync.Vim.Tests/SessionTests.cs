using System.Net;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

public sealed class SessionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_reads_the_service_content_and_then_speaks_the_server_api_version()
    {
        var fake = new FakeVim();
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var content = client.ServiceContent;
        Assert.Equal(new ManagedObjectReference("Folder", "group-d1"), content.RootFolder);
        Assert.Equal(new ManagedObjectReference("PropertyCollector", "propertyCollector"), content.PropertyCollector);
        Assert.Equal(new ManagedObjectReference("ViewManager", "ViewManager"), content.ViewManager);
        Assert.Equal(new ManagedObjectReference("SessionManager", "SessionManager"), content.SessionManager);
        Assert.Equal(new AboutInfo("VMware vCenter Server", "VMware vCenter Server 8.0.2 build-22385739", "8.0.2", "22385739", "8.0.2.0", "VirtualCenter", "6f9b2c2e-1d1b-4c5e-9b0a-0e4a0f0c1d2e"), content.About);
        Assert.Equal(new ManagedObjectReference("TaskManager", "TaskManager"), content.Content["taskManager"]);
        Assert.Equal(new Uri("https://vc.test/sdk"), client.SdkUri);

        fake.On("CurrentTime", _ => SoapXml.Ok(SoapXml.Response("CurrentTime", "2024-01-02T03:04:05Z")));
        var now = await client.InvokeAsync("CurrentTime", new ManagedObjectReference("ServiceInstance", "ServiceInstance"), [], Ct);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), now);
        Assert.Equal("urn:vim25/8.0.2.0", fake.RequestsFor("CurrentTime").Single().SoapAction);
        Assert.Equal("urn:vim25/6.5", fake.RequestsFor("RetrieveServiceContent").Single().SoapAction);
    }

    [Fact]
    public async Task Login_escapes_credentials_and_keeps_the_session_cookie()
    {
        var fake = new FakeVim().On("Login", _ =>
        {
            var response = SoapXml.Ok(SoapXml.Response("Login", "<key>52a</key><userName>VSPHERE.LOCAL\\admin</userName><loginTime>2024-01-01T00:00:00Z</loginTime>"));
            response.Headers.Add("Set-Cookie", "vmware_soap_session=\"52a9f\"; Path=/; HttpOnly; Secure;");
            return response;
        });
        fake.On("Logout", _ => SoapXml.Ok("<LogoutResponse xmlns=\"urn:vim25\"/>"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);

        var session = await client.LoginAsync("admin<&\"'>", "p<a&s\"s'w>]]>", Ct);
        Assert.Equal("52a", session?["key"]);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), session?["loginTime"]);
        Assert.True(client.IsLoggedIn);
        var login = fake.RequestsFor("Login").Single();
        Assert.Equal("admin<&\"'>", login.Arg("userName"));
        Assert.Equal("p<a&s\"s'w>]]>", login.Arg("password"));
        Assert.Equal("SessionManager", login.Arg("_this"));

        await client.LogoutAsync(Ct);
        Assert.Equal("vmware_soap_session=\"52a9f\"", fake.RequestsFor("Logout").Single().Cookie);
        Assert.False(client.IsLoggedIn);
    }

    [Fact]
    public async Task Invalid_login_is_typed_and_never_shows_the_password()
    {
        var fake = new FakeVim().On("Login", _ => SoapXml.Fault("InvalidLogin", "Cannot complete login due to an incorrect user name or password."));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<InvalidLoginException>(() => client.LoginAsync("admin", "S3cret!pw", Ct));
        Assert.Equal("InvalidLogin", error.FaultType);
        Assert.Equal("Cannot complete login due to an incorrect user name or password.", error.FaultMessage);
        Assert.DoesNotContain("S3cret!pw", error.ToString(), StringComparison.Ordinal);
        Assert.False(client.IsLoggedIn);
    }

    [Fact]
    public async Task A_password_with_a_character_XML_cannot_carry_is_refused_without_quoting_it()
    {
        await using var client = await new FakeVim().ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.LoginAsync("admin", "bad\u0001secret", Ct));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_views_and_specs_are_written_in_wsdl_order()
    {
        var fake = new FakeVim()
            .On("CreateContainerView", _ => SoapXml.Ok(SoapXml.Response("CreateContainerView", "").Replace("<returnval>", "<returnval type=\"ContainerView\">session[52]view-1", StringComparison.Ordinal)))
            .On("DestroyView", _ => SoapXml.Ok("<DestroyViewResponse xmlns=\"urn:vim25\"/>"))
            .Pages(false, [.. SoapXml.Vms(0, 1)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var view = await client.CreateContainerViewAsync(client.ServiceContent.RootFolder, ["VirtualMachine", "HostSystem"], true, Ct);
        Assert.Equal(new ManagedObjectReference("ContainerView", "session[52]view-1"), view);
        var create = fake.RequestsFor("CreateContainerView").Single();
        Assert.Equal(["_this", "container", "type", "type", "recursive"], create.Call.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", create.Arg("recursive"));

        var spec = PropertyFilterSpec.ForContainerView(view, new PropertySpec("VirtualMachine", ["name", "config.uuid"]));
        _ = await client.RetrievePropertiesAsync(spec, null, Ct).ToListAsync(Ct);
        var retrieve = fake.RequestsFor("RetrievePropertiesEx").Single().Call;
        var specSet = retrieve.Elements().Single(e => e.Name.LocalName == "specSet");
        Assert.Equal(["propSet", "objectSet"], specSet.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["type", "pathSet", "pathSet"], specSet.Elements().First().Elements().Select(e => e.Name.LocalName));
        var objectSet = specSet.Elements().Last();
        Assert.Equal(["obj", "skip", "selectSet"], objectSet.Elements().Select(e => e.Name.LocalName));
        var selectSet = objectSet.Elements().Last();
        Assert.Equal("TraversalSpec", selectSet.Attribute(System.Xml.Linq.XName.Get("type", "http://www.w3.org/2001/XMLSchema-instance"))?.Value);
        Assert.Equal(["name", "type", "path", "skip"], selectSet.Elements().Select(e => e.Name.LocalName));
        Assert.NotNull(retrieve.Elements().SingleOrDefault(e => e.Name.LocalName == "options"));

        await client.DestroyViewAsync(view, Ct);
        Assert.Equal("session[52]view-1", fake.RequestsFor("DestroyView").Single().Arg("_this"));
    }

    [Fact]
    public async Task Invoke_decodes_return_values_and_known_array_returns()
    {
        var fake = new FakeVim()
            .On("PowerOffVM_Task", _ => SoapXml.Ok(SoapXml.Response("PowerOffVM_Task", "").Replace("<returnval>", "<returnval type=\"Task\">task-7", StringComparison.Ordinal)))
            .On("RetrieveProperties", _ => SoapXml.Ok(
                "<RetrievePropertiesResponse xmlns=\"urn:vim25\"><returnval><obj type=\"VirtualMachine\">vm-1</obj><propSet><name>name</name>" +
                "<val xsi:type=\"xsd:string\">one</val></propSet></returnval></RetrievePropertiesResponse>"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var task = await client.InvokeAsync("PowerOffVM_Task", new ManagedObjectReference("VirtualMachine", "vm-1"), [], Ct);
        Assert.Equal(new ManagedObjectReference("Task", "task-7"), task);

        var spec = new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name"])], [new ObjectSpec(new("VirtualMachine", "vm-1"), false, [])]);
        var result = await client.InvokeAsync("RetrieveProperties", client.ServiceContent.PropertyCollector, [new("specSet", new[] { spec })], Ct);
        var content = Assert.IsType<DataObject>(Assert.Single(Decode.List(result)));
        Assert.Equal("ObjectContent", content.TypeName);
        var property = Assert.IsType<DataObject>(Assert.Single(Decode.List(content["propSet"])));
        Assert.Equal("one", property["val"]);
    }

    [Fact]
    public async Task WaitForTask_returns_the_result_or_throws_the_task_fault()
    {
        var polls = 0;
        var fake = new FakeVim().On("RetrievePropertiesEx", request =>
        {
            var task = request.Call.Descendants().First(e => e.Name.LocalName == "obj").Value;
            var info = task == "task-1"
                ? (Interlocked.Increment(ref polls) < 2
                    ? "<state>running</state><progress>50</progress>"
                    : "<state>success</state><result type=\"VirtualMachine\" xsi:type=\"ManagedObjectReference\">vm-9</result>")
                : "<state>error</state><error><fault xsi:type=\"InvalidPowerState\"><requestedState>poweredOff</requestedState></fault>" +
                  "<localizedMessage>The attempted operation cannot be performed in the current state (Powered off).</localizedMessage></error>";
            return SoapXml.Ok(SoapXml.Page(
                [$"<objects><obj type=\"Task\">{task}</obj><propSet><name>info</name><val xsi:type=\"TaskInfo\"><key>{task}</key>{info}</val></propSet></objects>"], null));
        });
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        Assert.Equal(new ManagedObjectReference("VirtualMachine", "vm-9"), await client.WaitForTaskAsync(new("Task", "task-1"), Ct));
        var error = await Assert.ThrowsAsync<VimFaultException>(() => client.WaitForTaskAsync(new("Task", "task-2"), Ct));
        Assert.Equal("InvalidPowerState", error.FaultType);
        Assert.True(error.IsA("InvalidState"));
        Assert.Contains("Powered off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_logs_out_a_logged_in_session()
    {
        var fake = new FakeVim()
            .On("Login", _ => SoapXml.Ok(SoapXml.Response("Login", "<key>1</key>")))
            .On("Logout", _ => SoapXml.Ok("<LogoutResponse xmlns=\"urn:vim25\"/>"));
        var client = await fake.ConnectAsync(cancellationToken: Ct);
        await client.LoginAsync("u", "p", Ct);
        await client.DisposeAsync();
        Assert.Single(fake.RequestsFor("Logout"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.InvokeAsync("CurrentTime", new("ServiceInstance", "ServiceInstance"), [], Ct));
    }

    [Fact]
    public void Options_normalise_urls_and_thumbprints()
    {
        Assert.Equal(new Uri("https://vc.lab/sdk"), new VimClientOptions { Url = new Uri("vc.lab", UriKind.RelativeOrAbsolute) }.SdkUri);
        Assert.Equal(new Uri("https://vc.lab/sdk"), new VimClientOptions { Url = new Uri("https://vc.lab", UriKind.RelativeOrAbsolute) }.SdkUri);
        Assert.Equal(new Uri("https://vc.lab/sdk"), new VimClientOptions { Url = new Uri("https://vc.lab/sdk/", UriKind.RelativeOrAbsolute) }.SdkUri);
        Assert.Equal(new Uri("https://vc.lab:8443/sdk"), new VimClientOptions { Url = new Uri("vc.lab:8443", UriKind.RelativeOrAbsolute) }.SdkUri);
        Assert.Equal(new Uri("http://127.0.0.1:8989/sdk"), new VimClientOptions { Url = new Uri("http://127.0.0.1:8989/sdk", UriKind.RelativeOrAbsolute) }.SdkUri);
        Assert.Throws<ArgumentException>(() => new VimClientOptions { Url = new Uri("ftp://vc.lab", UriKind.RelativeOrAbsolute) }.SdkUri);
        var hex = string.Concat(Enumerable.Repeat("ab", 32));
        var colons = string.Join(':', Enumerable.Repeat("AB", 32));
        Assert.Equal(hex.ToUpperInvariant(), new VimClientOptions { Url = new Uri("x", UriKind.RelativeOrAbsolute), Thumbprint = colons }.NormalisedThumbprint);
        Assert.Equal(hex.ToUpperInvariant(), new VimClientOptions { Url = new Uri("x", UriKind.RelativeOrAbsolute), Thumbprint = hex }.NormalisedThumbprint);
        Assert.Throws<ArgumentException>(() => new VimClientOptions { Url = new Uri("x", UriKind.RelativeOrAbsolute), Thumbprint = "AB:CD" }.NormalisedThumbprint);
        Assert.Throws<ArgumentException>(() => new VimClientOptions { Url = new Uri("x", UriKind.RelativeOrAbsolute), Thumbprint = new string('z', 64) }.NormalisedThumbprint);
    }

    [Fact]
    public async Task Connection_refused_is_a_connection_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var error = await Assert.ThrowsAsync<VimConnectionException>(() => VimClient.ConnectAsync(new VimClientOptions { Url = new Uri($"https://127.0.0.1:{port}", UriKind.RelativeOrAbsolute) }, Ct));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
