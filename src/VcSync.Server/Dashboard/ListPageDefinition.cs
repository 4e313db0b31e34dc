using VcSync.Storage.Reads;

namespace VcSync.Server.Dashboard;

/// <summary>A list page: where it lives, what it lists, its columns and its drop-down filters.</summary>
internal sealed record ListPageDefinition(
    string Path, string Title, ListResource Resource, IReadOnlyList<PageColumn> Columns, IReadOnlyList<PageFilter> Filters);
