using VcSync.Storage;

namespace VcSync.Tests.Fixtures;

/// <summary>A SQLite database file in a temporary directory of its own, deleted with it.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vcsync-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TempDatabase()
    {
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "vcsync.db");
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>A file next to the database, for test input.</summary>
    public string File(string name) => System.IO.Path.Combine(_directory, name);

    /// <summary>A migrated store on the file.</summary>
    public Task<IInventoryStore> OpenAsync() => InventoryStoreFactory.OpenAsync(Path, null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Only this file's pool (as its stores open it): ClearAllPools would race with other tests opening pooled
        // connections at the same moment (Microsoft.Data.Sqlite then opens a disposed handle).
        await new VcSync.Storage.Sqlite.SqliteInventoryStore(Path).DisposeAsync();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
