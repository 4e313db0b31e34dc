using System.Globalization;
using Spectre.Console;

namespace VcSync.Cli.Rendering;

/// <summary>Database rows as a terminal table; every value is escaped, since names from vCenter are data, not markup.</summary>
internal static class RowTable
{
    public static void Render(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, IReadOnlyList<string> columns, string caption)
    {
        var table = new Table().Caption(Markup.Escape(caption));
        foreach (var column in columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows)
        {
            var cells = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = Markup.Escape(Format(row.TryGetValue(columns[i], out var value) ? value : null));
            }

            table.AddRow(cells);
        }

        CliConsole.Out.Write(table);
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
