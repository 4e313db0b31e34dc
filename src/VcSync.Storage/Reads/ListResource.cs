namespace VcSync.Storage.Reads;

/// <summary>
/// A listing the API and dashboard offer: where its rows come from, what each item carries, and the only filters and
/// sorts it takes. Every piece of SQL is fixed here; a caller picks names, never writes SQL.
/// </summary>
public sealed class ListResource
{
    internal ListResource(
        string name,
        string table,
        string joins,
        IReadOnlyList<ListColumn> columns,
        string idExpression,
        string? vcenterExpression,
        IReadOnlyList<string> searchExpressions,
        IReadOnlyList<ListFilter> filters,
        string defaultSort)
    {
        Name = name;
        Table = table;
        Joins = joins;
        Columns = columns;
        IdExpression = idExpression;
        VCenterExpression = vcenterExpression;
        SearchExpressions = searchExpressions;
        Filters = filters;
        DefaultSort = defaultSort;
    }

    /// <summary>The listing's name in the API, e.g. <c>vms</c>.</summary>
    public string Name { get; }

    /// <summary>Every column an item carries, in order.</summary>
    public IReadOnlyList<ListColumn> Columns { get; }

    /// <summary>The filters the listing takes beyond <c>search</c> and <c>vcenter</c>.</summary>
    public IReadOnlyList<ListFilter> Filters { get; }

    /// <summary>The sort used when none is asked for, e.g. <c>name</c> or <c>-triggered_at</c>.</summary>
    public string DefaultSort { get; }

    /// <summary>Whether the listing can be narrowed to one vCenter.</summary>
    public bool HasVCenter => VCenterExpression is not null;

    /// <summary>The table the rows come from, aliased <c>t</c> in every expression.</summary>
    internal string Table { get; }

    /// <summary>The joins for the other aliases (<c>v</c>, <c>h</c>, ...), fixed here; empty when none.</summary>
    internal string Joins { get; }

    internal string From => $"{Table} t{Joins}";

    internal string IdExpression { get; }

    internal string? VCenterExpression { get; }

    internal IReadOnlyList<string> SearchExpressions { get; }

    /// <summary>The filter with this name, or null.</summary>
    public ListFilter? FindFilter(string name) => Filters.FirstOrDefault(f => f.Name == name);

    /// <summary>The column with this name, or null.</summary>
    public ListColumn? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>Whether items can be sorted by this column (JSON columns cannot).</summary>
    public bool IsSortable(string column) => FindColumn(column) is { Kind: not Schema.ColumnKind.Json };

    /// <inheritdoc />
    public override string ToString() => Name;
}
