[assembly: AssemblyFixture(typeof(VcSync.Tests.Fixtures.PostgresServer))]

namespace VcSync.Tests.Fixtures;

/// <summary>
/// The one throwaway PostgreSQL server of the whole test run (see <see cref="ThrowawayPostgres"/>), started on first
/// use, so a run that needs no PostgreSQL (or a machine without it) does not pay for it or fail because of it. Tests
/// take it by constructor injection and call <see cref="CreateDatabaseAsync"/> for a database of their own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly ThrowawayPostgres _server = new();

    /// <summary>The port the server listens on, once <see cref="StartAsync"/> has run.</summary>
    public int Port => _server.Port;

    /// <summary>A connection string to the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => _server.AdminConnectionString;

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => _server.ConnectionString(database);

    /// <summary>Starts the server unless it runs already; throws with instructions when PostgreSQL is not installed.</summary>
    public Task StartAsync() => _server.StartAsync();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test") => _server.CreateDatabaseAsync(prefix);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
