namespace VcSync.Sync.Servers;

/// <summary>One CSV record: its fields, unquoted, and the line of the file it starts on (1-based).</summary>
/// <param name="Line">The physical line the record starts on; a quoted field may carry it over further lines.</param>
/// <param name="Fields">The fields, quotes removed and doubled quotes undone.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
