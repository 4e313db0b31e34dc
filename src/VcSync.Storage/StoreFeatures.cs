using VcSync.Storage.Jobs;
using VcSync.Storage.Secrets;

namespace VcSync.Storage;

/// <summary>
/// The parts of the database beyond the inventory, each behind an interface of its own, on the same connections as
/// the <see cref="IInventoryStore"/> they come from.
/// </summary>
public static class StoreFeatures
{
    /// <summary>The job queue in <paramref name="store"/>'s database.</summary>
    /// <param name="store">A store from <see cref="InventoryStoreFactory"/>.</param>
    /// <param name="time">The clock for job timestamps and staleness; the system clock when null.</param>
    public static IJobStore Jobs(this IInventoryStore store, TimeProvider? time = null) =>
        new SqlJobStore(Source(store), time ?? TimeProvider.System);

    /// <summary>The vCenters' encrypted passwords in <paramref name="store"/>'s database.</summary>
    public static IVCenterPasswordStore Passwords(this IInventoryStore store) => new SqlVCenterPasswordStore(Source(store));

    /// <summary>The watcher rows in <paramref name="store"/>'s database.</summary>
    /// <param name="store">A store from <see cref="InventoryStoreFactory"/>.</param>
    /// <param name="time">The clock for heartbeats and staleness; the system clock when null.</param>
    public static Watchers.IWatcherStore Watchers(this IInventoryStore store, TimeProvider? time = null) =>
        new Watchers.SqlWatcherStore(Source(store), time ?? TimeProvider.System);

    /// <summary>The change history in <paramref name="store"/>'s database.</summary>
    public static Changes.IChangeHistory Changes(this IInventoryStore store) => new Changes.SqlChangeHistory(Source(store));

    private static ISqlConnectionSource Source(IInventoryStore store) =>
        store as ISqlConnectionSource
        ?? throw new ArgumentException($"{store?.GetType().Name ?? "null"} is not a SQL store from InventoryStoreFactory.", nameof(store));
}
