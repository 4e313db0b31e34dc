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

    /// <summary>The registered vCenter with this name, or a one-line error pointing at <c>vcsync vcenters</c>.</summary>
    public static async Task<VCenterRow> FindVCenterAsync(IInventoryStore store, string name, CancellationToken cancellationToken) =>
        await store.FindVCenterByNameAsync(name, cancellationToken)
        ?? throw new CliException($"no vCenter named '{name}' (see 'vcsync vcenters')", ExitCodes.Failure);

    /// <summary>The id of the vCenter <c>--vcenter</c> names, or null when the option is absent.</summary>
    public static async Task<Guid?> ResolveVCenterFilterAsync(ParseResult parse, IInventoryStore store, CancellationToken cancellationToken) =>
        parse.GetValue(CliOptions.VCenter) is { } name ? (await FindVCenterAsync(store, name, cancellationToken)).Id : null;
}
