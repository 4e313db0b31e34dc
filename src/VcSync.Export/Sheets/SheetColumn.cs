using VcSync.Export.Writing;

namespace VcSync.Export.Sheets;

/// <summary>One column of a sheet: its header, the store columns it reads and how it makes its cell from them.</summary>
internal sealed class SheetColumn
{
    public SheetColumn(string header, IReadOnlyList<string> sources, Func<ColumnInputs, CellValue> value)
    {
        Header = header;
        Sources = sources;
        Value = value;
    }

    /// <summary>The header text, exactly as RVTools writes it.</summary>
    public string Header { get; }

    /// <summary>The export columns it reads (<c>vm.name</c>); none for a column we do not collect.</summary>
    public IReadOnlyList<string> Sources { get; }

    public Func<ColumnInputs, CellValue> Value { get; }

    /// <summary>Whether it is one we do not collect: the header with empty cells.</summary>
    public bool IsEmpty => Sources.Count == 0 && ReferenceEquals(Value, Col.EmptyValue);

    public override string ToString() => Header;
}
