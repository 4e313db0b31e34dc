namespace VcSync.Tests.Faults;

/// <summary>The fault tests share one simulator and proxy and run one after another (they inject faults, kill the simulator).</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultsFixture>
{
    public const string Name = "Faults";
}
