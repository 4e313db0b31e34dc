namespace VcSync.Tests.Support;

/// <summary>Sync and CLI tests against the simulator: one shared simulator, tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Sync against the simulator";
}
