[assembly: AssemblyFixture(typeof(VcSync.Tests.Fixtures.PostgresServer))]

namespace VcSync.Tests.Fixtures;

/// <summary>
/// The one throwaway PostgreSQL server of the whole test run (see <see cref="ThrowawayPostgres"/>). Tests take it by
/// constructor injection and call <see cref="CreateDatabaseAsync"/> for a database of their own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly ThrowawayPostgres _server = new();

    /// <summary>The port the server listens on.</summary>
    public int Port => _server.Port;

    /// <summary>A connection string to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => _server.AdminConnectionString;

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => _server.ConnectionString(database);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test") => _server.CreateDatabaseAsync(prefix);

    public ValueTask InitializeAsync() => _server.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
