using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Sync;

namespace VcSync.Cli.CommandLine;

/// <summary>Which database to open: <c>--db</c>, then <c>VCSYNC_DB</c>, then <c>./vcsync.db</c>.</summary>
internal static class DatabaseSettings
{
    public static string Resolve(ParseResult parse) =>
        parse.GetValue(CliOptions.Database) ?? VcSyncEnvironment.Get("VCSYNC_DB") ?? SyncDefaults.DatabasePath;

    public static async Task<IInventoryStore> OpenAsync(ParseResult parse, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var store = InventoryStoreFactory.Open(Resolve(parse), loggerFactory);
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
