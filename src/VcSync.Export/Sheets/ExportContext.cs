namespace VcSync.Export.Sheets;

/// <summary>What the sheets of one export share beyond the rows: when it was made.</summary>
internal sealed class ExportContext
{
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The custom attributes any exported VM has a value for, in ordinal order: a column each.</summary>
    public IReadOnlyList<string> CustomAttributes { get; init; } = [];
}
