using VcSync.Storage.Schema;

namespace VcSync.Storage.Reads;

/// <summary>A column a listing returns: a name, the SQL expression it reads, and its kind.</summary>
/// <param name="Name">The name in each item, e.g. <c>cpu_count</c> or <c>host_id</c>.</param>
/// <param name="Expression">The SQL it reads, fixed here and never taken from a caller.</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="IsNullable">Whether it may be NULL (sorts put NULLs last in every store).</param>
public sealed record ListColumn(string Name, string Expression, ColumnKind Kind, bool IsNullable = true);
