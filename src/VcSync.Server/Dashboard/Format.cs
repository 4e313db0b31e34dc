using System.Globalization;

namespace VcSync.Server.Dashboard;

/// <summary>Values as a person reads them.</summary>
internal static class Format
{
    private static readonly string[] ByteUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Bytes(long? bytes)
    {
        if (bytes is not { } value)
        {
            return "";
        }

        double size = value;
        var unit = 0;
        while (size >= 1024 && unit < ByteUnits.Length - 1)
        {
            size /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{size:0.#} {ByteUnits[unit]}");
    }

    public static string Instant(DateTimeOffset? instant) =>
        instant is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "";

    public static string Age(DateTimeOffset? instant, DateTimeOffset now)
    {
        if (instant is not { } value)
        {
            return "never";
        }

        var age = now - value;
        return age.TotalSeconds < 60 ? $"{Math.Max(0, (int)age.TotalSeconds)} s ago"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours} h ago"
            : $"{(int)age.TotalDays} days ago";
    }

    public static string Value(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "yes" : "no",
        DateTimeOffset instant => Instant(instant),
        int number => number.ToString("N0", CultureInfo.InvariantCulture),
        long number => number.ToString("N0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A CSS class for a vSphere status colour, from a fixed set (never the raw value).</summary>
    public static string StatusClass(string? status) => status switch
    {
        "red" => "status red",
        "yellow" => "status yellow",
        "green" => "status green",
        "completed" => "status green",
        "failed" => "status red",
        "cancelled" => "status gray",
        "running" => "status blue",
        "pending" => "status gray",
        "poweredOn" => "status green",
        "poweredOff" => "status gray",
        "suspended" => "status yellow",
        "connected" => "status green",
        "disconnected" or "notResponding" => "status red",
        "created" or "watching" => "status green",
        "updated" or "syncing" or "starting" => "status blue",
        "deleted" or "recovering" => "status yellow",
        _ => "status gray",
    };
}
