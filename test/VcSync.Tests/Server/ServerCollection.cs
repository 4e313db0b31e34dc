namespace VcSync.Tests.Server;

/// <summary>The API and browser tests of <c>vcsync serve</c>: one simulator and its two synced databases.</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerWorld>
{
    public const string Name = "vcsync serve";
}
