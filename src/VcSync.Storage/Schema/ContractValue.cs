using System.Globalization;

namespace VcSync.Storage.Schema;

/// <summary>
/// Values as the contract stores them, independent of the store: both stores write these, change detection compares
/// these, and reads return these. Timestamps are cut to the millisecond because that is what SQLite's text form
/// carries; doing the same for PostgreSQL keeps the two stores equal row for row.
/// </summary>
internal static class ContractValue
{
    /// <summary>The SQLite text form of a timestamp: <c>2026-11-26T03:42:18.938Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Converts a record's value to the .NET type of <paramref name="column"/>'s kind.</summary>
    public static object? Normalize(ColumnSchema column, object? value) => value switch
    {
        null => null,
        _ => column.Kind switch
        {
            ColumnKind.Text or ColumnKind.Json => value as string ?? Mismatch(column, value),
            ColumnKind.Integer => value switch
            {
                int i => i,
                long l => checked((int)l),
                _ => Mismatch(column, value),
            },
            ColumnKind.BigInteger => value switch
            {
                long l => l,
                int i => (long)i,
                _ => Mismatch(column, value),
            },
            ColumnKind.Boolean => value as bool? ?? Mismatch(column, value),
            ColumnKind.Timestamp => value switch
            {
                DateTimeOffset d => Truncate(d),
                DateTime d => Truncate(new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc))),
                _ => Mismatch(column, value),
            },
            ColumnKind.Uuid => value as Guid? ?? Mismatch(column, value),
            _ => Mismatch(column, value),
        },
    };

    /// <summary>UTC, whole milliseconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>The SQLite text form of a timestamp.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        Truncate(value).UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads the SQLite text form back; lenient about other ISO-8601 forms written by other programs.</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)
            ? exact
            : Truncate(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

    private static object Mismatch(ColumnSchema column, object value) =>
        throw new ArgumentException(
            $"Column {column.Name} ({column.Kind}) cannot hold a {value.GetType().Name}.", nameof(value));
}
