namespace VcSync.Vim.Tests.Integration;

/// <summary>The integration tests share one simulator and run one after another (some change its delay or inject faults).</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Simulator";
}
