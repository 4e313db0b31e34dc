using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Incremental;
using VcSync.Sync.Progress;
using VcSync.Sync.Results;
using VcSync.Tests.Support;

namespace VcSync.Tests.Incremental;

/// <summary>
/// What the incremental sync tests share: a simulator of their own (they change it), a private state directory for the
/// kept sessions, and incremental syncs whose progress messages are kept, since they tell which path a sync took.
/// </summary>
public abstract class IncrementalTestBase : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string State { get; } = Directory.CreateTempSubdirectory("vcsync-state-").FullName;

    protected ConcurrentQueue<string> Messages { get; } = new();

    protected SimulatorProcess Simulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Simulator = await SimulatorFixture.StartDedicatedAsync();

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Directory.Delete(State, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>An incremental sync of <paramref name="vcenter"/> into <paramref name="db"/>, sessions kept in <see cref="State"/>.</summary>
    protected Task<SyncResult> SyncAsync(SyncDatabase db, VCenterRow vcenter) =>
        new FullInventorySync(db.Store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = Simulator.Password, Sessions = new FileSessionCookieStore(State) },
            new InlineProgress<SyncProgressUpdate>(update => Messages.Enqueue(update.Message)),
            Ct);
}
