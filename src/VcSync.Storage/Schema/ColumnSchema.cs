namespace VcSync.Storage.Schema;

/// <summary>One contract column.</summary>
/// <param name="Name">The column's name, e.g. <c>cpu_count</c>.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="IsNullable">Whether SQL NULL is allowed.</param>
public sealed record ColumnSchema(string Name, ColumnKind Kind, bool IsNullable = true);
