namespace VcSync.Storage.Export;

/// <summary>Reading the inventory for an export, on the connections of the store it comes from.</summary>
public static class ExportStore
{
    /// <summary>Starts one consistent read of <paramref name="store"/>'s inventory (see <see cref="IExportSession"/>).</summary>
    /// <param name="store">A store from <see cref="InventoryStoreFactory"/>.</param>
    /// <param name="cancellationToken">Cancels opening the connection.</param>
    public static async Task<IExportSession> BeginExportAsync(this IInventoryStore store, CancellationToken cancellationToken) =>
        await SqlExportSession.BeginAsync(
            store as ISqlConnectionSource
            ?? throw new ArgumentException($"{store?.GetType().Name ?? "null"} is not a SQL store from InventoryStoreFactory.", nameof(store)),
            cancellationToken);
}
