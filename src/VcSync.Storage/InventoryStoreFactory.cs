using Microsoft.Extensions.Logging;
using VcSync.Storage.Postgres;
using VcSync.Storage.Sqlite;

namespace VcSync.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL connection string or URI, else a SQLite file.</summary>
public static class InventoryStoreFactory
{
    private static readonly string[] PostgresUriSchemes = ["postgres://", "postgresql://"];
    private static readonly string[] PostgresKeys = ["host", "server"];

    /// <summary>
    /// Whether <paramref name="pathOrConnectionString"/> names a PostgreSQL database: a <c>postgres://</c> or
    /// <c>postgresql://</c> URI, or a connection string with a <c>Host=</c> or <c>Server=</c> key. Anything else is a
    /// SQLite file path.
    /// </summary>
    public static bool IsPostgres(string pathOrConnectionString)
    {
        ArgumentNullException.ThrowIfNull(pathOrConnectionString);
        var value = pathOrConnectionString.Trim();
        if (PostgresUriSchemes.Any(s => value.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // A key of a "key=value;key=value" string, not any file name that happens to contain "host=".
        return value.Split(';').Any(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            return equals > 0 && PostgresKeys.Contains(part[..equals].Trim().ToLowerInvariant());
        });
    }

    /// <summary>The store for <paramref name="pathOrConnectionString"/>, not yet migrated.</summary>
    public static IInventoryStore Open(string pathOrConnectionString, ILoggerFactory? loggerFactory = null) =>
        IsPostgres(pathOrConnectionString)
            ? new PostgresInventoryStore(pathOrConnectionString, loggerFactory)
            : new SqliteInventoryStore(pathOrConnectionString, loggerFactory);

    /// <summary>The store for <paramref name="pathOrConnectionString"/>, with its schema brought up to date.</summary>
    public static async Task<IInventoryStore> OpenAsync(
        string pathOrConnectionString, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var store = Open(pathOrConnectionString, loggerFactory);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
