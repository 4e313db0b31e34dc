using VcSync.Storage.Schema;

namespace VcSync.Storage.Reads;

/// <summary>A filter a listing offers: its name in a query, and the SQL expression and kind it compares with.</summary>
/// <param name="Name">The filter's name, e.g. <c>power_state</c>.</param>
/// <param name="Expression">The SQL it compares, fixed here and never taken from a caller.</param>
/// <param name="Kind">How the value is parsed: text, boolean, integer or timestamp (ISO 8601).</param>
/// <param name="IsNullTest">A boolean filter that tests <paramref name="Expression"/> for NULL (true: IS NULL) rather than comparing it.</param>
/// <param name="Comparison">The SQL operator: <c>=</c>, or <c>&gt;=</c> and <c>&lt;</c> for ranges such as <c>since</c> and <c>until</c>.</param>
public sealed record ListFilter(string Name, string Expression, ColumnKind Kind, bool IsNullTest = false, string Comparison = "=");
