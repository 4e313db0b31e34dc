namespace VcSync.Export;

/// <summary>What an export wrote.</summary>
public sealed class ExportResult
{
    /// <summary>The file format.</summary>
    public required ExportFormat Format { get; init; }

    /// <summary>The workbook, or the directory of the CSV files.</summary>
    public required string Path { get; init; }

    /// <summary>The files written, full paths.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>The sheets in workbook order.</summary>
    public required IReadOnlyList<SheetResult> Sheets { get; init; }
}
