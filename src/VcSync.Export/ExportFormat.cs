namespace VcSync.Export;

/// <summary>The file format of an export.</summary>
public enum ExportFormat
{
    /// <summary>One RVTools-compatible workbook, a sheet per kind of object.</summary>
    Xlsx,

    /// <summary>A directory with one CSV file per sheet (<c>vInfo.csv</c>, ...), same headers as the workbook.</summary>
    Csv,
}
