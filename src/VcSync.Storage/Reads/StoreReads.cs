namespace VcSync.Storage.Reads;

/// <summary>The read side the API, dashboard and metrics use, on the same connections as the store it comes from.</summary>
public static class StoreReads
{
    /// <summary>The reads of <paramref name="store"/>'s database.</summary>
    /// <param name="store">A store from <see cref="InventoryStoreFactory"/>.</param>
    public static IInventoryReads Reads(this IInventoryStore store) =>
        new SqlInventoryReads(
            store,
            store as ISqlConnectionSource
            ?? throw new ArgumentException($"{store?.GetType().Name ?? "null"} is not a SQL store from InventoryStoreFactory.", nameof(store)));
}
