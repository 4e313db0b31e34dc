namespace VcSync.Export;

/// <summary>What to export and where.</summary>
public sealed class ExportOptions
{
    /// <summary>The file format.</summary>
    public required ExportFormat Format { get; init; }

    /// <summary>The workbook's path (<see cref="ExportFormat.Xlsx"/>) or the directory of the CSV files; replaced as a whole at the end.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Only this vCenter's rows; every vCenter's when null.</summary>
    public Guid? VCenterId { get; init; }

    /// <summary>The creation time written to <c>vMetaData</c>; now when null.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
