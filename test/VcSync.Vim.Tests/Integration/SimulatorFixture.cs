using VcSync.Simulator;

namespace VcSync.Vim.Tests.Integration;

/// <summary>One simulator (small world, vCenter-like paging) shared by the integration tests of a collection.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private SimulatorProcess? _simulator;

    public SimulatorProcess Simulator => _simulator ?? throw new InvalidOperationException("The simulator is not started.");

    public async ValueTask InitializeAsync()
    {
        _simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>A client connected with the simulator's pinned certificate, logged in.</summary>
    public async Task<VimClient> LoginAsync(TimeSpan? callTimeout = null)
    {
        var client = await ConnectAsync(callTimeout);
        await client.LoginAsync(Simulator.Username, Simulator.Password, TestContext.Current.CancellationToken);
        return client;
    }

    public Task<VimClient> ConnectAsync(TimeSpan? callTimeout = null) => VimClient.ConnectAsync(
        new VimClientOptions
        {
            Url = Simulator.SdkUrl,
            Thumbprint = Simulator.Thumbprint,
            CallTimeout = callTimeout ?? TimeSpan.FromSeconds(60),
        },
        TestContext.Current.CancellationToken);
}
