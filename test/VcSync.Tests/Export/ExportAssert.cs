using System.Globalization;
using System.Text.Json;

namespace VcSync.Tests.Export;

/// <summary>Compares cells read back with the store's values, collecting every difference before failing.</summary>
public sealed class ExportAssert
{
    private readonly List<string> _problems = [];

    /// <summary>The sheet has RVTools' headers in RVTools' order.</summary>
    public static void HeadersMatch(string sheet, IReadOnlyList<string> headers)
    {
        if (RvToolsHeaders.Exact.TryGetValue(sheet, out var exact))
        {
            // vSource, vSwitch and vPort also end with the vCenter they come from, as every other sheet does.
            string[] expected = sheet is "vSource" or "vSwitch" or "vPort" ? [.. exact, "VI SDK Server", "VI SDK UUID"] : exact;
            Assert.Equal(expected, headers);
        }
        else
        {
            var prefix = RvToolsHeaders.Prefixes[sheet];
            Assert.Equal(prefix, headers.Take(prefix.Length));
            Assert.Equal(["Object ID", "VI SDK Server", "VI SDK UUID"], headers.TakeLast(3));
        }
    }

    /// <summary>The cell is the text (null: empty).</summary>
    public void Text(string where, Sheet.Row row, string header, object? expected)
    {
        var cell = row[header];
        var ok = expected is null
            ? cell.ValueKind == JsonValueKind.Null
            : cell.ValueKind == JsonValueKind.String && cell.GetString() == (string)expected;
        Check(ok, where, header, cell, expected);
    }

    /// <summary>The cell is the whole number (null: empty).</summary>
    public void Number(string where, Sheet.Row row, string header, long? expected)
    {
        var cell = row[header];
        var ok = expected is null
            ? cell.ValueKind == JsonValueKind.Null
            : cell.ValueKind == JsonValueKind.Number && cell.GetDouble() == expected.Value;
        Check(ok, where, header, cell, expected);
    }

    /// <summary>The cell is <c>True</c> or <c>False</c> (null: empty).</summary>
    public void Flag(string where, Sheet.Row row, string header, object? expected) =>
        Text(where, row, header, expected is bool b ? (b ? "True" : "False") : null);

    /// <summary>Bytes as RVTools shows them: MiB, rounded to the nearest.</summary>
    public static long? MiB(object? bytes) => bytes is long b ? (long)Math.Round(b / 1048576.0, MidpointRounding.AwayFromZero) : null;

    public void Fail(string problem) => _problems.Add(problem);

    public void Done() => Assert.True(_problems.Count == 0, $"{_problems.Count} differences:\n" + string.Join("\n", _problems.Take(40)));

    private void Check(bool ok, string where, string header, JsonElement cell, object? expected)
    {
        if (!ok)
        {
            _problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where} [{header}]: {cell.GetRawText()}, expected {expected ?? "empty"}"));
        }
    }
}
