using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace VcSync.Cli.CommandLine;

/// <summary>Console logging on standard error, one line per entry.</summary>
internal static class CliLogging
{
    public static ILoggerFactory Create(LogLevel minimum) => LoggerFactory.Create(builder => builder
        .SetMinimumLevel(minimum)
        .AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
            options.ColorBehavior = Console.IsErrorRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
        })
        .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
}
