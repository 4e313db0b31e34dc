using VcSync.Storage.Export;

namespace VcSync.Export.Sheets;

/// <summary>One sheet: its name, the rows it lists (none: the header alone) and its columns in RVTools' order.</summary>
internal sealed class SheetDefinition
{
    public SheetDefinition(string name, ExportSource? source, IReadOnlyList<SheetColumn> columns)
    {
        Name = name;
        Source = source;
        Columns = columns;
    }

    public string Name { get; }

    /// <summary>Where its rows come from; null while the store has no such rows (the sheet has its header only).</summary>
    public ExportSource? Source { get; }

    public IReadOnlyList<SheetColumn> Columns { get; }

    public override string ToString() => Name;
}
