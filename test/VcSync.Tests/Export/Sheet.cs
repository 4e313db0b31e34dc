using System.Globalization;
using System.Text.Json;

namespace VcSync.Tests.Export;

/// <summary>One sheet read back: its header and its rows, each row a map from header to cell.</summary>
public sealed class Sheet
{
    public Sheet(JsonElement rows)
    {
        var all = rows.EnumerateArray().Select(r => r.EnumerateArray().ToArray()).ToArray();
        Assert.NotEmpty(all);
        Headers = [.. all[0].Select(h => h.GetString()!)];
        Rows = [.. all.Skip(1).Select(r =>
        {
            Assert.Equal(Headers.Count, r.Length);
            return new Row(Headers, r);
        })];
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>One data row.</summary>
    public sealed class Row(IReadOnlyList<string> headers, JsonElement[] cells)
    {
        /// <summary>The cell under the first header of that text.</summary>
        public JsonElement this[string header]
        {
            get
            {
                var index = headers.ToList().IndexOf(header);
                Assert.True(index >= 0, $"no column '{header}'");
                return cells[index];
            }
        }

        public IReadOnlyList<JsonElement> Cells => cells;

        /// <summary>The cell as text ("" for an empty cell), numbers in invariant culture.</summary>
        public string Text(string header) => Show(this[header]);

        public static string Show(JsonElement cell) => cell.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String => cell.GetString()!,
            JsonValueKind.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => cell.GetRawText(),
        };
    }
}
