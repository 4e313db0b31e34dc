using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace VcSync.Cli.CommandLine;

/// <summary>Console logging on standard error, one line per entry.</summary>
internal static class CliLogging
{
    private const string SyncCategory = "VcSync.Sync.FullSync.FullInventorySync";

    /// <summary>The command's logging; built when the first entry at <paramref name="minimum"/> or above comes (see <see cref="DeferredLoggerFactory"/>).</summary>
    /// <param name="minimum">The least level shown.</param>
    /// <param name="verbose">Whether to show everything, including the sync's own record of its failure.</param>
    public static ILoggerFactory Create(LogLevel minimum, bool verbose = false) => new DeferredLoggerFactory(minimum, () => CreateNow(minimum, verbose));

    private static ILoggerFactory CreateNow(LogLevel minimum, bool verbose) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        // The sync logs its failure at Error for services; the CLI prints that same failure as its one error line.
        .AddFilter((category, level) => level >= minimum && (verbose || level < LogLevel.Error || category != SyncCategory))
        // vcsync serve: Kestrel's per-request lines only with --verbose.
        .AddFilter("Microsoft.AspNetCore", verbose ? LogLevel.Debug : LogLevel.Warning)
        .AddFilter("Microsoft.Hosting.Lifetime", verbose ? LogLevel.Debug : LogLevel.Warning)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.ColorBehavior = Console.IsErrorRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
        })
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}
