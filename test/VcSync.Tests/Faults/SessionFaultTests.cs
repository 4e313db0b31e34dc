using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;
using VcSync.Sync.Results;

namespace VcSync.Tests.Faults;

/// <summary>
/// Session and server faults made by the simulator itself: an expired session logs in again once and starts over, a
/// killed and restarted vCenter is survived, and permanent faults fail at once without a retry.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SessionFaultTests(FaultsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_expired_between_pages_logs_in_again_once_and_starts_over()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var first = await SyncAsync(store, vcenter);
        fixture.Proxy.Reset();

        // Expire every session on the server once the first page has arrived.
        var expired = 0;
        var second = await SyncAsync(store, vcenter, new OnFirstPage(() =>
        {
            expired = fixture.Simulator.ExpireSessionsAsync(Ct).GetAwaiter().GetResult();
        }));

        Assert.True(expired > 0);
        Assert.Equal(2, fixture.Proxy.Calls("Login"));
        NetworkFaultTests.AssertWholeAndUnchanged(first, second);
    }

    [Theory]
    [InlineData("fault")]
    [InlineData("missingSet")]
    public async Task A_NotAuthenticated_on_a_middle_page_logs_in_again_once(string how)
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var first = await SyncAsync(store, vcenter);
        fixture.Proxy.Reset();
        await fixture.Simulator.InjectFaultAsync(NotAuthenticated(how, count: 1), Ct);

        var second = await SyncAsync(store, vcenter);

        Assert.Equal(2, fixture.Proxy.Calls("Login"));
        NetworkFaultTests.AssertWholeAndUnchanged(first, second);
    }

    [Theory]
    [InlineData("fault")]
    [InlineData("missingSet")]
    public async Task A_session_that_expires_again_after_the_new_login_fails_the_sync_without_writing(string how)
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        await SyncAsync(store, vcenter);
        var before = await DatabaseState.CaptureAsync(store);
        fixture.Proxy.Reset();
        await fixture.Simulator.InjectFaultAsync(NotAuthenticated(how, count: 5), Ct);

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(store, vcenter));

        Assert.Equal(2, fixture.Proxy.Calls("Login"));
        Assert.Contains("NotAuthenticated", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await before.AssertUnchangedButTheFailureRecordAsync(store);
    }

    [Fact]
    public async Task A_vCenter_killed_mid_sync_and_started_again_is_synced_once_it_is_back()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var first = await SyncAsync(store, vcenter);
        fixture.Proxy.Reset();

        Task? restart = null;
        var target = fixture.Target(vcenter, retries: 8) with
        {
            Retry = new() { MaxRetries = 8, BaseDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) },
        };
        var progress = new OnFirstPage(() =>
        {
            fixture.Simulator.KillAsync(Ct).GetAwaiter().GetResult();
            restart = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
                await fixture.Simulator.RestartAsync(Ct);
            }, Ct);
        });
        var second = await new FullInventorySync(store, NullLoggerFactory.Instance)
            .RunAsync(target, progress, Ct)
            .WaitAsync(NetworkFaultTests.Guard, Ct);
        await restart!.WaitAsync(NetworkFaultTests.Guard, Ct);

        Assert.True(fixture.Proxy.Calls("Login") >= 2);
        NetworkFaultTests.AssertWholeAndUnchanged(first, second);
        Assert.Equal(0, await fixture.Simulator.GetOpenTokenCountAsync(Ct));
    }

    [Fact]
    public async Task A_wrong_password_fails_at_once_without_a_retry()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var before = await DatabaseState.CaptureAsync(store);

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => new FullInventorySync(store, NullLoggerFactory.Instance)
            .RunAsync(fixture.Target(vcenter, password: "not-the-password"), null, Ct)
            .WaitAsync(NetworkFaultTests.Guard, Ct));

        Assert.Equal(1, fixture.Proxy.Calls("Login"));
        Assert.Contains("InvalidLogin", error.Message, StringComparison.Ordinal);
        await before.AssertUnchangedButTheFailureRecordAsync(store);
    }

    [Fact]
    public async Task An_InvalidProperty_fault_fails_at_once_without_a_retry()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        await fixture.Simulator.InjectFaultAsync(FaultInjection.SoapFault("RetrievePropertiesEx", "InvalidProperty", count: 5), Ct);

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => SyncAsync(store, vcenter));

        Assert.Equal(1, fixture.Proxy.Calls("RetrievePropertiesEx"));
        Assert.Contains("InvalidProperty", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_other_than_the_pinned_one_is_refused_without_a_retry()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;

        // Pinned to the simulator's certificate, but the proxy in front presents its own: a man in the middle.
        var error = await Assert.ThrowsAsync<SyncFailedException>(() => new FullInventorySync(store, NullLoggerFactory.Instance)
            .RunAsync(fixture.Target(vcenter with { TlsThumbprint = fixture.Simulator.Thumbprint }), null, Ct)
            .WaitAsync(NetworkFaultTests.Guard, Ct));

        Assert.IsType<Vim.Faults.VimCertificateException>(error.InnerException);
        Assert.Contains(fixture.Proxy.Thumbprint, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, fixture.Proxy.Calls("RetrieveServiceContent"));
        Assert.DoesNotContain("attempts", error.Message, StringComparison.Ordinal);
    }

    private static FaultInjection NotAuthenticated(string how, int count) => how == "fault"
        ? FaultInjection.SoapFault("ContinueRetrievePropertiesEx", "NotAuthenticated", count)
        : FaultInjection.MissingSetNotAuthenticated("ContinueRetrievePropertiesEx", count);

    private async Task<SyncResult> SyncAsync(IInventoryStore store, VCenterRow vcenter, IProgress<SyncProgressUpdate>? progress = null) =>
        await new FullInventorySync(store, NullLoggerFactory.Instance)
            .RunAsync(fixture.Target(vcenter), progress, Ct)
            .WaitAsync(NetworkFaultTests.Guard, Ct);

    /// <summary>Runs an action, synchronously, the first time a page of objects has been fetched.</summary>
    private sealed class OnFirstPage(Action action) : IProgress<SyncProgressUpdate>
    {
        private int _done;

        public void Report(SyncProgressUpdate value)
        {
            if (value.ObjectsFetched > 0 && Interlocked.Exchange(ref _done, 1) == 0)
            {
                action();
            }
        }
    }
}
