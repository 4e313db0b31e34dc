using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

public sealed class PagingTests
{
    private static readonly PropertyFilterSpec Spec = PropertyFilterSpec.ForContainerView(
        new ManagedObjectReference("ContainerView", "session[1]view-1"), new PropertySpec("VirtualMachine", ["name", "runtime.powerState"]));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Streams_every_object_across_pages_in_order(bool tokenFirst)
    {
        var fake = new FakeVim().Pages(tokenFirst, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)], [.. SoapXml.Vms(6, 2)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var progress = new List<PageProgress>();

        var objects = new List<ObjectContent>();
        await foreach (var content in client.RetrievePropertiesAsync(Spec, new RetrieveOptions { MaxObjects = 3, OnPage = progress.Add }, Ct))
        {
            objects.Add(content);
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"vm-{i}"), objects.Select(o => o.Obj.Value));
        Assert.Equal("vm 7", objects[7]["name"]);
        Assert.Equal("poweredOn", objects[7]["runtime.powerState"]);
        Assert.Same(objects[0].PropSet[0].Name, objects[5].PropSet[0].Name);
        Assert.Equal([1, 2, 3], progress.Select(p => p.Page));
        Assert.Equal([3L, 6L, 8L], progress.Select(p => p.ObjectsSoFar));
        Assert.True(progress[2].Bytes > progress[0].Bytes);
        Assert.Equal(["t1", "t2"], fake.RequestsFor("ContinueRetrievePropertiesEx").Select(r => r.Arg("token")));
        Assert.Empty(fake.RequestsFor("CancelRetrievePropertiesEx"));
        Assert.Equal("3", fake.RequestsFor("RetrievePropertiesEx").Single().Call.Descendants().Single(e => e.Name.LocalName == "maxObjects").Value);
        var stats = client.Statistics;
        Assert.Equal(3, stats.Pages);
        Assert.Equal(4, stats.SoapCalls);
    }

    [Fact]
    public async Task An_empty_result_yields_nothing()
    {
        var fake = new FakeVim().On("RetrievePropertiesEx", _ => SoapXml.Ok("<RetrievePropertiesExResponse xmlns=\"urn:vim25\"/>"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var count = 0;
        await foreach (var unused in client.RetrievePropertiesAsync(Spec, null, Ct))
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(1, client.Statistics.Pages);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Breaking_off_mid_page_cancels_the_live_token(bool tokenFirst)
    {
        var fake = new FakeVim().Pages(tokenFirst, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)], [.. SoapXml.Vms(6, 2)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await foreach (var content in client.RetrievePropertiesAsync(Spec, null, Ct))
        {
            if (content.Obj.Value == "vm-4")
            {
                break;
            }
        }

        Assert.Empty(fake.OpenTokens);
        if (tokenFirst)
        {
            // t2 was already continued ahead (the next page was requested as soon as its token was read), and that page is the last.
            Assert.Empty(fake.RequestsFor("CancelRetrievePropertiesEx"));
            Assert.Equal(["t1", "t2"], fake.RequestsFor("ContinueRetrievePropertiesEx").Select(r => r.Arg("token")).Order());
        }
        else
        {
            Assert.Equal(["t2"], fake.RequestsFor("CancelRetrievePropertiesEx").Select(r => r.Arg("token")));
            Assert.Single(fake.RequestsFor("ContinueRetrievePropertiesEx"));
        }
    }

    [Fact]
    public async Task Breaking_off_cancels_the_token_of_a_page_requested_ahead()
    {
        var fake = new FakeVim().Pages(true, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)], [.. SoapXml.Vms(6, 3)], [.. SoapXml.Vms(9, 3)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await foreach (var content in client.RetrievePropertiesAsync(Spec, null, Ct))
        {
            if (content.Obj.Value == "vm-1")
            {
                break;
            }
        }

        Assert.Empty(fake.OpenTokens);
        Assert.Equal(["t1"], fake.RequestsFor("ContinueRetrievePropertiesEx").Select(r => r.Arg("token")));
        Assert.Equal(["t2"], fake.RequestsFor("CancelRetrievePropertiesEx").Select(r => r.Arg("token")));
    }

    [Fact]
    public async Task Breaking_off_on_the_last_page_cancels_nothing()
    {
        var fake = new FakeVim().Pages(false, [.. SoapXml.Vms(0, 2)], [.. SoapXml.Vms(2, 2)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await foreach (var content in client.RetrievePropertiesAsync(Spec, null, Ct))
        {
            if (content.Obj.Value == "vm-2")
            {
                break;
            }
        }

        Assert.Empty(fake.RequestsFor("CancelRetrievePropertiesEx"));
    }

    [Fact]
    public async Task A_consumer_exception_cancels_the_token_and_surfaces_unchanged()
    {
        var fake = new FakeVim().Pages(false, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)]);
        fake.On("CancelRetrievePropertiesEx", _ => SoapXml.Fault("InvalidArgument", "cancel failed"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var unused in client.RetrievePropertiesAsync(Spec, null, Ct))
            {
                throw new InvalidOperationException("consumer failed");
            }
        });

        Assert.Equal("consumer failed", error.Message);
        Assert.Equal(["t1"], fake.RequestsFor("CancelRetrievePropertiesEx").Select(r => r.Arg("token")));
        Assert.Equal(["t1"], fake.OpenTokens);
    }

    [Fact]
    public async Task Caller_cancellation_mid_stream_throws_OperationCanceled_and_cancels_the_token()
    {
        var fake = new FakeVim().Pages(false, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in client.RetrievePropertiesAsync(Spec, null, cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Equal(["t1"], fake.RequestsFor("CancelRetrievePropertiesEx").Select(r => r.Arg("token")));
        Assert.Empty(fake.OpenTokens);
    }

    [Fact]
    public async Task MissingSet_is_exposed_per_object()
    {
        const string missing =
            "<objects><obj type=\"HostSystem\">host-1</obj><propSet><name>name</name><val xsi:type=\"xsd:string\">esx1</val></propSet>" +
            "<missingSet><path>hardware.systemInfo.serialNumber</path><fault><fault xsi:type=\"NoPermission\"><object type=\"HostSystem\">host-1</object>" +
            "<privilegeId>System.Read</privilegeId></fault><localizedMessage>Permission to perform this operation was denied.</localizedMessage></fault></missingSet></objects>";
        var fake = new FakeVim().Pages(false, new[] { missing });
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var content = Assert.Single(await client.RetrievePropertiesAsync(Spec, null, Ct).ToListAsync(Ct));
        var property = Assert.Single(content.MissingSet);
        Assert.Equal(new MissingProperty("hardware.systemInfo.serialNumber", "NoPermission", "Permission to perform this operation was denied."), property);
        Assert.Equal("esx1", content["name"]);
    }

    [Fact]
    public async Task A_NotAuthenticated_missingSet_means_the_session_is_gone()
    {
        const string lost =
            "<objects><obj type=\"VirtualMachine\">vm-1</obj><missingSet><path>name</path><fault><fault xsi:type=\"NotAuthenticated\">" +
            "<object type=\"VirtualMachine\">vm-1</object><privilegeId>System.View</privilegeId></fault>" +
            "<localizedMessage>The session is not authenticated.</localizedMessage></fault></missingSet></objects>";
        var fake = new FakeVim().Pages(false, new[] { lost }, [.. SoapXml.Vms(1, 1)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<NotAuthenticatedException>(async () => await client.RetrievePropertiesAsync(Spec, null, Ct).ToListAsync(Ct));
        Assert.Contains("The session is not authenticated.", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.RequestsFor("CancelRetrievePropertiesEx"));
    }

    [Fact]
    public async Task A_fault_on_the_first_page_is_typed()
    {
        var fake = new FakeVim().On("RetrievePropertiesEx", _ => SoapXml.Fault("InvalidProperty", "config.bogus", "<name>config.bogus</name>"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<InvalidPropertyException>(async () => await client.RetrievePropertiesAsync(Spec, null, Ct).ToListAsync(Ct));
        Assert.Equal("config.bogus", error.Detail?["name"]);
    }

    [Fact]
    public async Task Gzip_responses_are_decoded_transparently_and_counted_on_the_wire()
    {
        var fake = new FakeVim().On("RetrievePropertiesEx", _ => SoapXml.Gzip(SoapXml.Envelope(SoapXml.Page(SoapXml.Vms(0, 50), null))));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var before = client.Statistics;
        var objects = await client.RetrievePropertiesAsync(Spec, null, Ct).ToListAsync(Ct);
        var after = client.Statistics;
        Assert.Equal(50, objects.Count);
        Assert.True(fake.Requests.All(r => r.AcceptsGzip));
        Assert.True(after.BytesRead - before.BytesRead < after.BytesDecoded - before.BytesDecoded);
    }

    [Fact]
    public async Task The_raw_wire_floor_cancels_its_token_when_a_continuation_fails()
    {
        var fake = new FakeVim().Pages(false, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)]);
        fake.On("ContinueRetrievePropertiesEx", _ => throw new HttpRequestException("connection reset"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await Assert.ThrowsAsync<VimConnectionException>(() => client.RetrievePropertiesRawAsync(Spec, null, Ct));
        Assert.Empty(fake.OpenTokens);
        Assert.Equal(["t1"], fake.RequestsFor("CancelRetrievePropertiesEx").Select(r => r.Arg("token")));
    }

    [Fact]
    public async Task A_failed_continuation_request_leaves_its_token_to_be_cancelled()
    {
        var fake = new FakeVim().Pages(false, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)]);
        fake.On("ContinueRetrievePropertiesEx", _ => throw new HttpRequestException("connection reset"));
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        await Assert.ThrowsAsync<VimConnectionException>(async () => await client.RetrievePropertiesAsync(Spec, null, Ct).ToListAsync(Ct));
        Assert.Empty(fake.OpenTokens);
    }

    [Fact]
    public async Task The_raw_wire_floor_fetches_the_same_pages_without_parsing()
    {
        var fake = new FakeVim().Pages(false, [.. SoapXml.Vms(0, 3)], [.. SoapXml.Vms(3, 3)], [.. SoapXml.Vms(6, 2)]);
        await using var client = await fake.ConnectAsync(cancellationToken: Ct);
        var raw = await client.RetrievePropertiesRawAsync(Spec, new RetrieveOptions { MaxObjects = 3 }, Ct);
        Assert.Equal(3, raw.Pages);
        Assert.Equal(8, raw.Objects);
        Assert.True(raw.Bytes > 0);
        Assert.Equal(["t1", "t2"], fake.RequestsFor("ContinueRetrievePropertiesEx").Select(r => r.Arg("token")));
    }
}
