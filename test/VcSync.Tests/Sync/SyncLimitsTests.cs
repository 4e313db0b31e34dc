using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage;
using VcSync.Simulator;
using VcSync.Sync.FullSync;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>The whole-sync deadline, and <c>soap_calls</c> of a sync that was retried.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class SyncLimitsTests(SimulatorFixture fixture) : IAsyncLifetime
{
    private const int PageSize = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await fixture.Simulator.SetDelayAsync(TimeSpan.Zero, CancellationToken.None);
        await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_sync_past_its_deadline_fails_as_such_and_leaves_the_database_as_it_was()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);
        await db.SyncAsync(vcenter, simulator, PageSize);
        var before = await SqliteDump.AllTablesAsync(db.Connection);

        // Every call takes 300 ms and the small world needs more than ten pages of 10: far past a 1 s deadline, while
        // each call stays well inside the per-call timeout.
        await simulator.SetDelayAsync(TimeSpan.FromMilliseconds(300), Ct);
        var target = new SyncTarget
        {
            VCenter = vcenter,
            Password = simulator.Password,
            MaxObjectsPerPage = PageSize,
            Deadline = TimeSpan.FromSeconds(1),
        };
        var failure = await Assert.ThrowsAsync<SyncFailedException>(
            () => new FullInventorySync(db.Store, NullLoggerFactory.Instance).RunAsync(target, null, Ct));
        await simulator.SetDelayAsync(TimeSpan.Zero, Ct);

        Assert.False(failure.Cancelled);
        Assert.Contains("deadline of 1 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await simulator.GetOpenTokenCountAsync(Ct));
        DatabaseAssert.InventoryUnchanged(before, await SqliteDump.AllTablesAsync(db.Connection));
        var row = await db.VCenterAsync(vcenter.Id);
        Assert.Equal(SyncStatus.Failed, row.LastSyncStatus);
        Assert.EndsWith(row.LastSyncError!, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Soap_calls_counts_every_attempt_of_a_retried_sync()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);

        // The session "expires" on the second page: the sync logs in again and starts over, a second attempt.
        await simulator.InjectFaultAsync(FaultInjection.MissingSetNotAuthenticated("ContinueRetrievePropertiesEx"), Ct);
        await simulator.ResetCallCountsAsync(Ct);
        var result = await db.SyncAsync(vcenter, simulator, PageSize);
        var status = await simulator.GetStatusAsync(Ct);

        Assert.Equal(2, status.Calls["Login"]);
        Assert.Equal(status.TotalCalls, result.SoapCalls);
    }
}
