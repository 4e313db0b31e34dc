using VcSync.Storage.Schema;

namespace VcSync.Storage.Export;

/// <summary>
/// What one <see cref="ExportSource"/> reads: the FROM clause with its joins, the columns it offers (every contract
/// column of each joined table under its alias, so a column added to the contract is offered at once, plus a few
/// computed ones) and the order of its rows.
/// </summary>
internal sealed class ExportView
{
    private readonly Dictionary<string, ExportColumn> _columns;

    public ExportView(
        ExportSource source,
        string from,
        IReadOnlyList<(string Alias, TableSchema Table)> tables,
        IReadOnlyList<ExportColumn> computed,
        string vcenterColumn,
        IReadOnlyList<string> orderBy,
        string? where = null)
    {
        Source = source;
        From = from;
        VCenterColumn = vcenterColumn;
        OrderBy = orderBy;
        Where = where;
        _columns = new Dictionary<string, ExportColumn>(StringComparer.Ordinal);
        foreach (var (alias, table) in tables)
        {
            foreach (var column in table.Columns.Where(c => !Hidden.Contains(c.Name)))
            {
                var name = $"{alias}.{column.Name}";
                _columns[name] = new ExportColumn(name, column.Kind);
            }
        }

        foreach (var column in computed)
        {
            _columns[column.Name] = column;
        }
    }

    /// <summary>Never exported, whatever the table.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "password_encrypted" };

    public ExportSource Source { get; }

    public string From { get; }

    public string? Where { get; }

    /// <summary>The column <c>--vcenter</c> filters on.</summary>
    public string VCenterColumn { get; }

    /// <summary>Column names (of <see cref="Columns"/>) the rows are sorted by.</summary>
    public IReadOnlyList<string> OrderBy { get; }

    public IReadOnlyCollection<ExportColumn> Columns => _columns.Values;

    public ExportColumn? Find(string name) => _columns.GetValueOrDefault(name);
}
