namespace VcSync.Server.Api;

/// <summary>A page of a listing: <c>{"items": [...], "total": N}</c>.</summary>
/// <param name="Items">The page's items.</param>
/// <param name="Total">How many items match in all.</param>
public sealed record ItemList(IReadOnlyList<ApiItem> Items, long Total);
