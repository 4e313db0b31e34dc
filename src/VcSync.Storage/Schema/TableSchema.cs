namespace VcSync.Storage.Schema;

/// <summary>One contract table: its columns in contract order and how listings sort it.</summary>
public sealed class TableSchema
{
    internal TableSchema(string name, IReadOnlyList<ColumnSchema> columns, string? vcenterColumn, IReadOnlyList<string> orderBy)
    {
        Name = name;
        Columns = columns;
        VCenterColumn = vcenterColumn;
        OrderBy = orderBy;
    }

    /// <summary>The table's name, e.g. <c>vcenter_vms</c>.</summary>
    public string Name { get; }

    /// <summary>Every contract column, in order.</summary>
    public IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>The column that says which vCenter a row belongs to; null when rows belong to none.</summary>
    public string? VCenterColumn { get; }

    /// <summary>The columns listings sort by; together they identify a row, so both stores list in one order.</summary>
    public IReadOnlyList<string> OrderBy { get; }

    /// <summary>The column with this name, or null.</summary>
    public ColumnSchema? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
