namespace VcSync.Storage.Reads;

/// <summary>One page of rows and how many rows match in all.</summary>
/// <param name="Items">The rows: column name to value, values as <see cref="IInventoryStore.ListRowsAsync"/> returns them.</param>
/// <param name="Total">How many rows match the query's search and filters, on every page.</param>
public sealed record ListPage(IReadOnlyList<IReadOnlyDictionary<string, object?>> Items, long Total);
