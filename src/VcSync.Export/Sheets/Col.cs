using System.Collections.Concurrent;
using VcSync.Export.Writing;
using VcSync.Storage.Export;

namespace VcSync.Export.Sheets;

/// <summary>The kinds of sheet column, so that each column of a sheet is one line.</summary>
internal static class Col
{
    private const long BytesPerMiB = 1024 * 1024;
    private static readonly ConcurrentDictionary<string, string> ServerNames = new(StringComparer.Ordinal);

    public static Func<ColumnInputs, CellValue> EmptyValue { get; } = _ => CellValue.Empty;

    /// <summary>A column we do not collect: the header, empty cells.</summary>
    public static SheetColumn Empty(string header) => new(header, [], EmptyValue);

    /// <summary>The store's value as it is: text, number, True/False, time.</summary>
    public static SheetColumn Of(string header, string source) => new(header, [source], v => CellValue.From(v[0]));

    /// <summary>Bytes in the store, MiB in the sheet (rounded to the nearest MiB).</summary>
    public static SheetColumn MiB(string header, string bytesSource) => new(header, [bytesSource], v => CellValue.From(ToMiB(v[0])));

    /// <summary>A cell made from several store columns.</summary>
    public static SheetColumn Compute(string header, string[] sources, Func<ColumnInputs, CellValue> value) => new(header, sources, value);

    /// <summary>
    /// Item <paramref name="index"/> (from 0) of a list column (items separated by <see cref="ExportColumn.ListSeparator"/>);
    /// empty when the list is shorter or the item is empty text.
    /// </summary>
    public static SheetColumn ListItem(string header, string listSource, int index) =>
        new(header, [listSource], v => CellValue.Of(v[0] is string list ? Item(list, index) : null));

    /// <summary>The same text in every row.</summary>
    public static SheetColumn Fixed(string header, string text) => new(header, [], _ => CellValue.Of(text));

    /// <summary><c>VI SDK Server</c>: the vCenter's host name (and port, unless 443) from its registered URL.</summary>
    public static SheetColumn ViSdkServer(string header = "VI SDK Server") =>
        new(header, ["vcenter.url"], v => CellValue.Of(v[0] is string url ? ServerName(url) : null));

    public static long? ToMiB(object? bytes) => bytes switch
    {
        long b => (b + (BytesPerMiB / 2)) / BytesPerMiB,
        int b => (b + (BytesPerMiB / 2)) / BytesPerMiB,
        _ => null,
    };

    /// <summary>A part of a whole in whole percent, rounded; empty without a whole.</summary>
    public static CellValue Percent(object? part, object? whole) =>
        AsLong(whole) is > 0 and var w && AsLong(part) is { } p
            ? CellValue.Of((long)Math.Round(100.0 * p / w, MidpointRounding.AwayFromZero))
            : CellValue.Empty;

    /// <summary>A ratio to two decimals, as RVTools' "per Core" columns show it; empty without a divisor.</summary>
    public static CellValue Ratio(object? dividend, object? divisor) =>
        AsLong(divisor) is > 0 and var d && AsLong(dividend) is { } n
            ? CellValue.Of(Math.Round((double)n / d, 2, MidpointRounding.AwayFromZero))
            : CellValue.Empty;

    private static string? Item(string list, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            start = list.IndexOf(ExportColumn.ListSeparator, start) + 1;
            if (start == 0)
            {
                return null;
            }
        }

        var end = list.IndexOf(ExportColumn.ListSeparator, start);
        var length = (end < 0 ? list.Length : end) - start;
        return length == 0 ? null : list.Substring(start, length);
    }

    public static long? AsLong(object? value) => value switch
    {
        long l => l,
        int i => i,
        _ => null,
    };

    /// <summary>The host (and a port other than 443) of a vCenter URL; the URL itself if it is not one.</summary>
    public static string ServerName(string url) =>
        ServerNames.GetOrAdd(url, static u =>
            Uri.TryCreate(u, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
                ? uri.IsDefaultPort || uri.Port == 443 ? uri.Host : $"{uri.Host}:{uri.Port}"
                : u);
}
