using System.Globalization;

namespace VcSync.Export.Writing;

/// <summary>One cell as both writers take it: text is always written as text, never as a formula.</summary>
internal readonly record struct CellValue
{
    private CellValue(CellKind kind, string? text, long integer, double number, DateTime time)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Number = number;
        Time = time;
    }

    public static CellValue Empty => default;

    public CellKind Kind { get; }

    public string? Text { get; }

    public long Integer { get; }

    public double Number { get; }

    /// <summary>UTC.</summary>
    public DateTime Time { get; }

    public static CellValue Of(string? text) => text is null ? default : new(CellKind.Text, text, 0, 0, default);

    public static CellValue Of(long value) => new(CellKind.Integer, null, value, 0, default);

    public static CellValue Of(double value) => double.IsFinite(value) ? new(CellKind.Number, null, 0, value, default) : default;

    public static CellValue Of(bool value) => Of(value ? "True" : "False");

    /// <summary>A time to the second, as RVTools shows times.</summary>
    public static CellValue Of(DateTimeOffset value) =>
        new(CellKind.Time, null, 0, 0, value.UtcDateTime.AddTicks(-(value.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));

    /// <summary>A value as the store reads it: text, a number, a flag (True/False), a time or a key.</summary>
    public static CellValue From(object? value) => value switch
    {
        null => default,
        string s => Of(s),
        int i => Of(i),
        long l => Of(l),
        bool b => Of(b),
        DateTimeOffset d => Of(d),
        Guid g => Of(g.ToString("D")),
        double d => Of(d),
        _ => Of(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
