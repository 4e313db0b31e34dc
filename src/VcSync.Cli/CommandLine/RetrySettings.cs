using System.CommandLine;
using System.Globalization;
using VcSync.Sync.Reliability;

namespace VcSync.Cli.CommandLine;

/// <summary>The retry policy from <c>--retries</c>/<c>--retry-delay</c>, then <c>VCSYNC_RETRIES</c>/<c>VCSYNC_RETRY_DELAY</c>.</summary>
internal static class RetrySettings
{
    public static SyncRetryOptions Resolve(ParseResult parse)
    {
        var retries = parse.GetValue(CliOptions.Retries) ?? Number("VCSYNC_RETRIES", SyncRetryOptions.Default.MaxRetries);
        var delay = parse.GetValue(CliOptions.RetryDelay) ?? Number("VCSYNC_RETRY_DELAY", SyncRetryOptions.Default.BaseDelay.TotalSeconds);
        if (retries is < 0 or > 20)
        {
            throw new CliException("--retries must be between 0 and 20");
        }

        if (delay is < 0 or > 30 || double.IsNaN(delay))
        {
            throw new CliException("--retry-delay must be between 0 and 30 seconds");
        }

        return new SyncRetryOptions { MaxRetries = (int)retries, BaseDelay = TimeSpan.FromSeconds(delay) };
    }

    private static double Number(string variable, double fallback)
    {
        var text = VcSyncEnvironment.Get(variable);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliException($"{variable} must be a number, not '{text}'");
    }
}
