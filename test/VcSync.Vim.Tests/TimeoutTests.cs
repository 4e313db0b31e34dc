using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Tests.Fakes;
using VcSync.Vim.Values;

namespace VcSync.Vim.Tests;

public sealed class TimeoutTests
{
    private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        var fake = new FakeVim().OnAsync("CurrentTime", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        await using var client = await fake.ConnectAsync(TimeSpan.FromMilliseconds(200), Ct);
        var error = await Assert.ThrowsAsync<VimTimeoutException>(() => client.InvokeAsync("CurrentTime", ServiceInstance, [], Ct));
        Assert.Equal(TimeSpan.FromMilliseconds(200), error.Timeout);
        Assert.Contains("CurrentTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_stalls_midway_times_out()
    {
        var fake = new FakeVim().On("CurrentTime", _ => StallingStream.Response(SoapXml.EnvelopeStart + "<CurrentTimeResponse xmlns=\"urn:vim25\"><returnval>2024"));
        await using var client = await fake.ConnectAsync(TimeSpan.FromMilliseconds(200), Ct);
        await Assert.ThrowsAsync<VimTimeoutException>(() => client.InvokeAsync("CurrentTime", ServiceInstance, [], Ct));
    }

    [Fact]
    public async Task A_page_that_stalls_times_out_and_its_known_token_is_still_cancelled()
    {
        var fake = new FakeVim().Pages(true, [.. SoapXml.Vms(0, 2)], [.. SoapXml.Vms(2, 2)]);
        fake.On("ContinueRetrievePropertiesEx", _ => StallingStream.Response(
            SoapXml.EnvelopeStart + "<ContinueRetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval><token>t9</token>" + SoapXml.Vm(2)));
        await using var client = await fake.ConnectAsync(TimeSpan.FromMilliseconds(300), Ct);
        var seen = new List<string>();
        await Assert.ThrowsAsync<VimTimeoutException>(async () =>
        {
            await foreach (var content in client.RetrievePropertiesAsync(
                new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name"])], []), null, Ct))
            {
                seen.Add(content.Obj.Value);
            }
        });

        Assert.Equal(["vm-0", "vm-1"], seen);
        Assert.Equal(["t9"], fake.RequestsFor("CancelRetrievePropertiesEx").Select(r => r.Arg("token")));
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_timeout()
    {
        var fake = new FakeVim().OnAsync("CurrentTime", async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        await using var client = await fake.ConnectAsync(TimeSpan.FromSeconds(30), Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.InvokeAsync("CurrentTime", ServiceInstance, [], cts.Token));
        Assert.Equal(cts.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Caller_cancellation_while_a_page_stalls_surfaces_as_cancellation()
    {
        var fake = new FakeVim().On("RetrievePropertiesEx", _ => StallingStream.Response(
            SoapXml.EnvelopeStart + "<RetrievePropertiesExResponse xmlns=\"urn:vim25\"><returnval>" + SoapXml.Vm(0)));
        await using var client = await fake.ConnectAsync(TimeSpan.FromSeconds(30), Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.RetrievePropertiesAsync(new PropertyFilterSpec([new PropertySpec("VirtualMachine", ["name"])], []), null, cts.Token).ToListAsync(cts.Token));
    }
}
