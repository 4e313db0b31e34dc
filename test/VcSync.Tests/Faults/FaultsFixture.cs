using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Sqlite;
using VcSync.Sync.FullSync;
using VcSync.Sync.Reliability;

namespace VcSync.Tests.Faults;

/// <summary>One small simulator with the fault proxy in front, shared by the fault tests (which run one after another).</summary>
public sealed class FaultsFixture : IAsyncLifetime
{
    /// <summary>Small pages, so that the small world comes in several (first, middle, last).</summary>
    public const int PageSize = 25;

    private SimulatorProcess? _simulator;
    private FaultProxy? _proxy;
    private string? _directory;

    public SimulatorProcess Simulator => _simulator ?? throw new InvalidOperationException("The simulator is not started.");

    internal FaultProxy Proxy => _proxy ?? throw new InvalidOperationException("The proxy is not started.");

    /// <summary>How many pages the inventory retrieval takes (RetrievePropertiesEx plus its continuations).</summary>
    public int InventoryPages { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, ct);
        _proxy = FaultProxy.Start(_simulator.SdkUrl);
        _directory = Directory.CreateTempSubdirectory("vcsync-faults-").FullName;

        // Learn the page count once from a clean sync through the proxy.
        var (store, vcenter) = await NewStoreAsync();
        await using (store)
        {
            await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(Target(vcenter), null, ct);
        }

        InventoryPages = 1 + Proxy.Calls("ContinueRetrievePropertiesEx");
        if (InventoryPages < 3)
        {
            throw new InvalidOperationException($"The fault tests need at least 3 pages, got {InventoryPages}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A new SQLite database with the vCenter behind the proxy registered (pinned to the proxy's certificate).</summary>
    internal async Task<(SqliteInventoryStore Store, VCenterRow VCenter)> NewStoreAsync(TimeSpan? busyTimeout = null)
    {
        var path = Path.Combine(_directory!, $"{Guid.NewGuid():N}.db");
        var store = new SqliteInventoryStore(path, NullLoggerFactory.Instance, busyTimeout);
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        var vcenter = await RegisterAsync(store);
        return (store, vcenter);
    }

    internal Task<VCenterRow> RegisterAsync(IInventoryStore store) => VCenterRegistry.FindOrRegisterAsync(
        store, Proxy.SdkUrl, Simulator.Username, "vc-faults", Proxy.Thumbprint, insecure: false, TestContext.Current.CancellationToken);

    /// <summary>A target through the proxy: small pages, short call timeout, quick retries.</summary>
    internal SyncTarget Target(VCenterRow vcenter, int retries = 3, TimeSpan? callTimeout = null, string? password = null) => new()
    {
        VCenter = vcenter,
        Password = password ?? Simulator.Password,
        CallTimeout = callTimeout ?? TimeSpan.FromSeconds(20),
        MaxObjectsPerPage = PageSize,
        Retry = new SyncRetryOptions { MaxRetries = retries, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
    };

    /// <summary>Clears the proxy's and the simulator's faults and counts before a test.</summary>
    internal async Task ResetAsync()
    {
        Proxy.Reset();
        if (Simulator.HasExited)
        {
            await Simulator.RestartAsync(TestContext.Current.CancellationToken);
        }

        await Simulator.ClearFaultsAsync(TestContext.Current.CancellationToken);
    }
}
