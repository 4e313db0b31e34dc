using VcSync.Simulator;

namespace VcSync.Tests.Support;

/// <summary>
/// One simulator (small world, vCenter-like paging) shared by a collection. Tests that change its inventory start a
/// dedicated one with <see cref="StartDedicatedAsync"/>; tests that inject faults clear them again.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
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

    /// <summary>A simulator of the same small world (same seed) that only the calling test uses and changes.</summary>
    public static Task<SimulatorProcess> StartDedicatedAsync() =>
        SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, TestContext.Current.CancellationToken);
}
