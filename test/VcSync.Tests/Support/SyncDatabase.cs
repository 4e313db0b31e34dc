using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;
using VcSync.Sync.Results;

namespace VcSync.Tests.Support;

/// <summary>A real database (a fresh SQLite file, or any store) that tests sync simulators into.</summary>
public sealed class SyncDatabase : IAsyncDisposable
{
    private readonly string? _directory;

    private SyncDatabase(IInventoryStore store, string connection, string? directory)
    {
        Store = store;
        Connection = connection;
        _directory = directory;
    }

    public IInventoryStore Store { get; }

    /// <summary>The SQLite path or PostgreSQL connection string.</summary>
    public string Connection { get; }

    /// <summary>A new, migrated SQLite database in a temporary directory.</summary>
    public static async Task<SyncDatabase> CreateSqliteAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vcsync-synctest-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "vcsync.db");
        return new SyncDatabase(await InventoryStoreFactory.OpenAsync(path, null, TestContext.Current.CancellationToken), path, directory);
    }

    /// <summary>The migrated store behind <paramref name="connection"/> (e.g. a PostgreSQL test database).</summary>
    public static async Task<SyncDatabase> OpenAsync(string connection) =>
        new(await InventoryStoreFactory.OpenAsync(connection, null, TestContext.Current.CancellationToken), connection, null);

    /// <summary>Registers <paramref name="simulator"/> under <paramref name="name"/>, pinned to its certificate.</summary>
    public Task<VCenterRow> RegisterAsync(SimulatorProcess simulator, string name = "sim") =>
        Store.AddVCenterAsync(
            new VCenterRegistration
            {
                Name = name,
                Url = simulator.SdkUrl.ToString(),
                Username = simulator.Username,
                TlsThumbprint = simulator.Thumbprint,
            },
            TestContext.Current.CancellationToken);

    /// <summary>One full sync of <paramref name="vcenter"/> (which must be <paramref name="simulator"/>'s registration).</summary>
    public Task<SyncResult> SyncAsync(
        VCenterRow vcenter,
        SimulatorProcess simulator,
        int? pageSize = null,
        IProgress<SyncProgressUpdate>? progress = null,
        CancellationToken? cancellationToken = null) =>
        new FullInventorySync(Store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = simulator.Password, MaxObjectsPerPage = pageSize },
            progress,
            cancellationToken ?? TestContext.Current.CancellationToken);

    /// <summary>The vCenter row as the store holds it now.</summary>
    public async Task<VCenterRow> VCenterAsync(Guid id) =>
        (await Store.ListVCentersAsync(TestContext.Current.CancellationToken)).Single(v => v.Id == id);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (_directory is not null)
        {
            // The store closed its own pool. ClearAllPools here would race with other tests opening pooled
            // connections at the same moment (Microsoft.Data.Sqlite then opens a disposed handle).
            Directory.Delete(_directory, recursive: true);
        }
    }
}
