using System.Globalization;

namespace VcSync.Cli.CommandLine;

/// <summary>Durations on the command line: <c>500ms</c>, <c>30s</c>, <c>15m</c>, <c>2h</c>, <c>1d</c>, or a bare number of seconds.</summary>
internal static class Durations
{
    private static readonly (string Suffix, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];

    public static TimeSpan Parse(string text, string option)
    {
        var value = text.Trim().ToLowerInvariant();
        foreach (var (suffix, seconds) in Units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(value[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return Positive(TimeSpan.FromSeconds(number * seconds), text, option);
            }
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare)
            ? Positive(TimeSpan.FromSeconds(bare), text, option)
            : throw new CliException($"{option}: '{text}' is not a duration (e.g. 30s, 15m, 2h)");
    }

    public static TimeSpan? ParseOptional(string? text, string option) => text is null ? null : Parse(text, option);

    private static TimeSpan Positive(TimeSpan value, string text, string option) =>
        value > TimeSpan.Zero ? value : throw new CliException($"{option}: '{text}' must be more than zero");
}
