using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;
using VcSync.Sync.Results;

namespace VcSync.Tests.Faults;

/// <summary>
/// Network faults between the sync and vCenter, made by the fault proxy: what is transient is retried and the sync
/// completes with the whole inventory; when retries run out it fails with one line and the database is unchanged.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class NetworkFaultTests(FaultsFixture fixture)
{
    /// <summary>Every call must end well within this, or the test fails instead of hanging the suite.</summary>
    internal static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int, string> Cuts() => new()
    {
        // Where, which call, how many of its kind pass first, how far into the response the connection drops.
        { "login", "Login", 0, "1 byte" },
        { "login", "Login", 0, "half" },
        { "login", "Login", 0, "all but 1 byte" },
        { "first page", "RetrievePropertiesEx", 0, "1 byte" },
        { "first page", "RetrievePropertiesEx", 0, "200 bytes" },
        { "first page", "RetrievePropertiesEx", 0, "half" },
        { "middle page", "ContinueRetrievePropertiesEx", 1, "200 bytes" },
        { "middle page", "ContinueRetrievePropertiesEx", 1, "half" },
        { "middle page", "ContinueRetrievePropertiesEx", 1, "all but 1 byte" },
        { "last page", "ContinueRetrievePropertiesEx", -1, "half" },
        { "last page", "ContinueRetrievePropertiesEx", -1, "all but 1 byte" },
    };

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task A_connection_cut_mid_response_is_retried_from_the_first_page_and_the_sync_completes(
        string where, string method, int skip, string point)
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var first = await SyncAsync(store, vcenter);
        var cleanRetrievals = fixture.Proxy.Calls("RetrievePropertiesEx");

        fixture.Proxy.Reset();
        var lastPageSkip = fixture.InventoryPages - 2;
        fixture.Proxy.Inject(ProxyFault.Cut(method, Point(point), skip < 0 ? lastPageSkip : skip));
        var second = await SyncAsync(store, vcenter);

        Assert.Equal(1, fixture.Proxy.Spoiled);
        Assert.True(fixture.Proxy.Calls("Login") == 2, $"{where}: one more login for the retry");
        // The retry starts the retrieval over from its first page. The last page is the VMs' retrieval's, the second of
        // the attempt (after every other object's), so the failed attempt had started two.
        Assert.Equal(cleanRetrievals + where switch { "login" => 0, "last page" => 2, _ => 1 }, fixture.Proxy.Calls("RetrievePropertiesEx"));
        AssertWholeAndUnchanged(first, second);
        Assert.Equal(0, await fixture.Simulator.GetOpenTokenCountAsync(Ct));
    }

    [Fact]
    public async Task When_retries_run_out_the_sync_fails_with_one_line_and_the_database_is_as_it_was()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        await SyncAsync(store, vcenter);
        var before = await DatabaseState.CaptureAsync(store);

        fixture.Proxy.Inject(ProxyFault.Cut("ContinueRetrievePropertiesEx", Point("half"), skip: 0, count: 100));
        var error = await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(store, vcenter, retries: 2));

        Assert.Equal(3, fixture.Proxy.Spoiled);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("Sync of vc-faults failed: The connection to 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(after 3 attempts)", error.Message, StringComparison.Ordinal);
        await before.AssertUnchangedButTheFailureRecordAsync(store);
        var row = Assert.Single(await store.ListVCentersAsync(Ct));
        Assert.Equal(SyncStatus.Failed, row.LastSyncStatus);
        Assert.Equal(error.Message, $"Sync of vc-faults failed: {row.LastSyncError}");
        Assert.Equal(0, await fixture.Simulator.GetOpenTokenCountAsync(Ct));
    }

    [Fact]
    public async Task A_stalled_server_times_out_at_the_call_timeout_and_the_retry_completes()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        fixture.Proxy.Inject(new ProxyFault("ContinueRetrievePropertiesEx", ProxyFaultKind.Stall, Skip: 1));

        var result = await SyncAsync(store, vcenter, callTimeout: TimeSpan.FromSeconds(2));

        Assert.Equal(1, fixture.Proxy.Spoiled);
        Assert.Equal(fixture.Simulator.Counts.Vms, result.Vms.New);
    }

    [Fact]
    public async Task A_server_that_stalls_every_time_fails_the_sync_with_a_timeout_instead_of_hanging()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var before = await DatabaseState.CaptureAsync(store);
        fixture.Proxy.Inject(new ProxyFault("RetrievePropertiesEx", ProxyFaultKind.Stall, Count: 100));

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(store, vcenter, retries: 1, callTimeout: TimeSpan.FromSeconds(1)));

        Assert.Contains("RetrievePropertiesEx on 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not complete within 1 s.", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(after 2 attempts)", error.Message, StringComparison.Ordinal);
        await before.AssertUnchangedButTheFailureRecordAsync(store);
    }

    [Fact]
    public async Task Http_503_and_a_truncated_SOAP_body_are_retried()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        fixture.Proxy.Inject(new ProxyFault("RetrieveServiceContent", ProxyFaultKind.Http503));
        fixture.Proxy.Inject(new ProxyFault("ContinueRetrievePropertiesEx", ProxyFaultKind.TruncatedBody, Skip: 1));

        var result = await SyncAsync(store, vcenter);

        Assert.Equal(2, fixture.Proxy.Spoiled);
        Assert.Equal(3, fixture.Proxy.Calls("RetrieveServiceContent"));
        Assert.Equal(fixture.Simulator.Counts.Vms, result.Vms.New);
    }

    [Fact]
    public async Task Http_500_with_an_html_page_is_not_retried_and_fails_with_its_title()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        fixture.Proxy.Inject(new ProxyFault("ContinueRetrievePropertiesEx", ProxyFaultKind.Html500, Count: 100));

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(store, vcenter));

        Assert.Equal(1, fixture.Proxy.Spoiled);
        Assert.Contains("HTTP 500 Internal Server Error (text/html)", error.Message, StringComparison.Ordinal);
        Assert.Contains("500 Internal Server Error", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListRowsAsync("vcenter_vms", null, Ct));
        Assert.Equal(0, await fixture.Simulator.GetOpenTokenCountAsync(Ct));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_fails_with_one_line()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var port = FreePort();
        var nowhere = vcenter with { Url = $"https://127.0.0.1:{port}/sdk" };

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(store, nowhere, retries: 2));

        Assert.StartsWith($"Sync of vc-faults failed: Cannot reach 127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(after 3 attempts)", error.Message, StringComparison.Ordinal);
    }

    internal static Func<int, int> Point(string point) => point switch
    {
        "1 byte" => _ => 1,
        "200 bytes" => _ => 200,
        "half" => length => length / 2,
        "all but 1 byte" => length => length - 1,
        _ => throw new ArgumentOutOfRangeException(nameof(point)),
    };

    internal static void AssertWholeAndUnchanged(SyncResult first, SyncResult second)
    {
        // A half snapshot would delete what the missing pages held: the retried sync must find nothing changed.
        Assert.Equal(first.TotalObjects, second.TotalObjects);
        foreach (var counts in new ChangeCounts[] { second.Clusters, second.Hosts, second.Vms, second.Datastores, second.Networks })
        {
            Assert.Equal((0, 0, 0), (counts.New, counts.Updated, counts.Deleted));
        }
    }

    private async Task<SyncResult> SyncAsync(
        IInventoryStore store, VCenterRow vcenter, int retries = 3, TimeSpan? callTimeout = null, IProgress<SyncProgressUpdate>? progress = null) =>
        await new FullInventorySync(store, NullLoggerFactory.Instance)
            .RunAsync(fixture.Target(vcenter, retries, callTimeout), progress, Ct)
            .WaitAsync(Guard, Ct);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
