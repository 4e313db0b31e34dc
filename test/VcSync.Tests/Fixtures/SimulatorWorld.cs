using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Results;
using VcSync.Vim;

namespace VcSync.Tests.Fixtures;

/// <summary>
/// One simulator (small seeded world) for a test class, with helpers to register it in a store and sync it. Tests of
/// one class run one after another, so they may change the simulator; each must not assume another's changes.
/// </summary>
public sealed class SimulatorWorld : IAsyncLifetime
{
    private SimulatorProcess? _simulator;

    public SimulatorProcess Simulator => _simulator ?? throw new InvalidOperationException("The simulator is not started.");

    public async ValueTask InitializeAsync() =>
        _simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>Registers the simulator in <paramref name="store"/>; <paramref name="url"/> overrides its URL.</summary>
    public Task<VCenterRow> RegisterAsync(IInventoryStore store, string name = "sim", string? url = null) =>
        store.AddVCenterAsync(
            new VCenterRegistration
            {
                Name = name,
                Url = url ?? Simulator.SdkUrl.ToString(),
                Username = Simulator.Username,
                TlsThumbprint = Simulator.Thumbprint,
            },
            TestContext.Current.CancellationToken);

    /// <summary>One full sync of <paramref name="vcenter"/> into <paramref name="store"/>.</summary>
    public Task<SyncResult> SyncAsync(IInventoryStore store, VCenterRow vcenter) =>
        new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = Simulator.Password }, null, TestContext.Current.CancellationToken);

    /// <summary>A client logged in to the simulator, for reading it independently of the sync.</summary>
    public async Task<VimClient> LoginAsync()
    {
        var client = await VimClient.ConnectAsync(
            new VimClientOptions { Url = Simulator.SdkUrl, Thumbprint = Simulator.Thumbprint },
            TestContext.Current.CancellationToken);
        await client.LoginAsync(Simulator.Username, Simulator.Password, TestContext.Current.CancellationToken);
        return client;
    }
}
