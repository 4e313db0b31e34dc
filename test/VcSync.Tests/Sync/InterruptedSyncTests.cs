using VcSync.Storage;
using VcSync.Simulator;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>A sync that fails or is cancelled mid-retrieval leaves the database as it was and no token open.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class InterruptedSyncTests(SimulatorFixture fixture) : IAsyncLifetime
{
    /// <summary>Small pages, so that the retrieval takes several round trips.</summary>
    private const int PageSize = 10;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);

    [Fact]
    public async Task A_fault_mid_retrieval_leaves_the_database_unchanged_and_records_the_failure()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);
        await db.SyncAsync(vcenter, simulator, PageSize);
        var before = await SqliteDump.AllTablesAsync(db.Connection);
        var rowBefore = await db.VCenterAsync(vcenter.Id);

        // Once the first ContinueRetrievePropertiesEx has answered (page 2 is in), the next one fails.
        var injected = false;
        var progress = new InlineProgress<SyncProgressUpdate>(update =>
        {
            if (!injected && update.ObjectsFetched >= 2 * PageSize)
            {
                injected = true;
                simulator.InjectFaultAsync(FaultInjection.SoapFault("ContinueRetrievePropertiesEx", "SystemError"), CancellationToken.None)
                    .GetAwaiter().GetResult();
            }
        });
        var failure = await Assert.ThrowsAsync<SyncFailedException>(() => db.SyncAsync(vcenter, simulator, PageSize, progress));

        Assert.True(injected);
        Assert.False(failure.Cancelled);
        var status = await simulator.GetStatusAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, status.PendingInjections);
        Assert.Equal(0, await simulator.GetOpenTokenCountAsync(TestContext.Current.CancellationToken));
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        var row = await db.VCenterAsync(vcenter.Id);
        Assert.Equal(SyncStatus.Failed, row.LastSyncStatus);
        AssertOneLine(row.LastSyncError);
        Assert.Contains("SystemError", failure.Message + " " + failure.InnerException, StringComparison.Ordinal);
        Assert.EndsWith(row.LastSyncError!, failure.Message, StringComparison.Ordinal);
        AssertOneLine(failure.Message);
        Assert.Equal(rowBefore with { LastSyncAt = null, LastSyncStatus = null, LastSyncError = null },
            row with { LastSyncAt = null, LastSyncStatus = null, LastSyncError = null });
    }

    [Fact]
    public async Task Cancelling_mid_retrieval_leaves_the_database_unchanged_and_records_cancelled()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);
        await db.SyncAsync(vcenter, simulator, PageSize);
        var before = await SqliteDump.AllTablesAsync(db.Connection);

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new InlineProgress<SyncProgressUpdate>(update =>
        {
            if (update.ObjectsFetched >= 2 * PageSize)
            {
                cancellation.Cancel();
            }
        });
        var failure = await Assert.ThrowsAsync<SyncFailedException>(
            () => db.SyncAsync(vcenter, simulator, PageSize, progress, cancellation.Token));

        Assert.True(failure.Cancelled);
        Assert.Equal(0, await simulator.GetOpenTokenCountAsync(TestContext.Current.CancellationToken));
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        var row = await db.VCenterAsync(vcenter.Id);
        Assert.Equal(SyncStatus.Cancelled, row.LastSyncStatus);
        AssertOneLine(row.LastSyncError);
    }

    private static void AssertOneLine(string? message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
    }
}
