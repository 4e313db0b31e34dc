namespace VcSync.Storage.Export;

/// <summary>What each <see cref="ExportSource"/> offers to read.</summary>
public static class ExportCatalog
{
    /// <summary>The columns <paramref name="source"/> offers, e.g. <c>vm.cpu_count</c>, <c>vcenter.name</c>.</summary>
    public static IReadOnlyCollection<ExportColumn> Columns(ExportSource source) => ExportViews.Get(source, null).Columns;

    /// <summary>Whether <paramref name="source"/> offers a column named <paramref name="name"/>.</summary>
    public static bool Offers(ExportSource source, string name) => ExportViews.Find(source, null)?.Find(name) is not null;

    /// <summary>Whether the inventory schema has the rows of <paramref name="source"/> (a child table may be newer than the code reading it).</summary>
    public static bool IsAvailable(ExportSource source) => ExportViews.Find(source, null) is not null;
}
