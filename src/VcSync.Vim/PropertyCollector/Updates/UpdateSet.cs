namespace VcSync.Vim.PropertyCollector;

/// <summary>One answer of <c>WaitForUpdatesEx</c> with changes.</summary>
/// <param name="Version">The version to wait from next (opaque, valid once, on this collector only).</param>
/// <param name="Truncated">More changes are pending: ask again at once with <paramref name="Version"/>.</param>
/// <param name="Objects">The object updates of every filter of the collector, in server order.</param>
public sealed record UpdateSet(string Version, bool Truncated, IReadOnlyList<ObjectUpdate> Objects);
