using System.Globalization;
using VcSync.Storage;
using VcSync.Storage.Schema;

namespace VcSync.Tests.Storage;

/// <summary>Every contract table's rows as text, for "row for row" comparisons of databases.</summary>
internal static class StoreDump
{
    public static async Task<string> AllTablesAsync(IInventoryStore store, params string[] skipColumns)
    {
        var lines = new List<string>();
        foreach (var table in ContractSchema.Tables)
        {
            lines.Add($"# {table.Name}");
            lines.AddRange(await TableAsync(store, table.Name, null, skipColumns));
        }

        return string.Join('\n', lines);
    }

    public static async Task<List<string>> TableAsync(IInventoryStore store, string table, Guid? vcenterId, params string[] skipColumns)
    {
        var rows = await store.ListRowsAsync(table, vcenterId, TestContext.Current.CancellationToken);
        return rows
            .Select(row => string.Join(" | ", row.Where(c => !skipColumns.Contains(c.Key)).Select(c => $"{c.Key}={Format(c.Value)}")))
            .ToList();
    }

    public static string Format(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s + "'",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
