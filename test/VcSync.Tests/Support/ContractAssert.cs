using System.Globalization;

namespace VcSync.Tests.Support;

/// <summary>Compares a contract table's rows with expected column values, listing every difference.</summary>
public static class ContractAssert
{
    /// <summary>Columns a store manages itself: not part of the expected values, checked for shape only.</summary>
    private static readonly string[] StoreColumns = ["id", "source_vcenter_id", "first_seen_at", "last_sync_at"];

    /// <summary>
    /// Every row of <paramref name="rows"/> matches exactly one expected row (by <paramref name="key"/>), in every column;
    /// no expected row is missing; every column the table has is either expected or managed by the store.
    /// </summary>
    public static void RowsMatch(
        string table,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows,
        Func<IReadOnlyDictionary<string, object?>, string> key,
        IReadOnlyDictionary<string, Dictionary<string, object?>> expected,
        Guid vcenterId)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var rowKey = key(row);
            if (!seen.Add(rowKey))
            {
                problems.Add($"{table} {rowKey}: more than one row");
                continue;
            }

            if (!expected.TryGetValue(rowKey, out var columns))
            {
                problems.Add($"{table} {rowKey}: not in the simulator");
                continue;
            }

            foreach (var column in row.Keys.Where(c => !columns.ContainsKey(c) && !StoreColumns.Contains(c)))
            {
                problems.Add($"{table} {rowKey}: column {column} is not checked by this test");
            }

            foreach (var (column, value) in columns)
            {
                var actual = row.TryGetValue(column, out var a) ? Text(a) : "<no such column>";
                if (actual != Text(value))
                {
                    problems.Add($"{table} {rowKey}.{column}: expected {Text(value)}, was {actual}");
                }
            }

            if (row.TryGetValue("source_vcenter_id", out var source) && !Equals(source, vcenterId))
            {
                problems.Add($"{table} {rowKey}.source_vcenter_id: expected {vcenterId}, was {Text(source)}");
            }

            if (row.TryGetValue("id", out var id) && (id is not Guid g || g == Guid.Empty))
            {
                problems.Add($"{table} {rowKey}.id: not a UUID: {Text(id)}");
            }
        }

        problems.AddRange(expected.Keys.Where(k => !seen.Contains(k)).Select(k => $"{table} {k}: missing from the database"));
        Assert.True(problems.Count == 0, $"{problems.Count} differences:\n" + string.Join('\n', problems.Take(60)));
    }

    /// <summary>A value as comparable text: numbers of any width alike, times as UTC to the millisecond.</summary>
    public static string Text(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "'",
        bool b => b ? "true" : "false",
        DateTimeOffset d => Millis(d.UtcDateTime),
        DateTime d => Millis(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Millis(DateTime utc) =>
        new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
