namespace VcSync.Server.Dashboard;

/// <summary>A column of a list page: its header, the column it sorts by (if any), and how a cell is drawn.</summary>
internal sealed record PageColumn(string Header, string? Sort, Action<Html, IReadOnlyDictionary<string, object?>> Cell)
{
    /// <summary>A column showing one value as text.</summary>
    public static PageColumn Of(string header, string column) =>
        new(header, column, (html, item) => html.Text(Format.Value(item.GetValueOrDefault(column))));
}
