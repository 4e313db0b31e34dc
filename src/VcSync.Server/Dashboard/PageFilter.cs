namespace VcSync.Server.Dashboard;

/// <summary>A drop-down on a list page for one of the listing's filters.</summary>
internal sealed record PageFilter(string Name, string Label, IReadOnlyList<string> Options);
