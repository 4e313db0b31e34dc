using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.Rendering;
using VcSync.Sync.FullSync;

namespace VcSync.Cli.CommandLine;

/// <summary>Runs a command's action with logging set up and every failure turned into one line on standard error.</summary>
internal static class CommandActions
{
    public delegate Task<int> CommandAction(ParseResult parse, ILoggerFactory loggerFactory, CancellationToken cancellationToken);

    /// <param name="command">The command.</param>
    /// <param name="defaultLevel">The least a command logs without <c>--verbose</c>.</param>
    /// <param name="action">What it does.</param>
    /// <param name="cleansUpOnSignal">
    /// SIGINT and SIGTERM cancel the action's token and the process exits with 130 or 143 once it has cleaned up (see
    /// <see cref="SignalCancellation"/>); the command must be listed in <see cref="VcSyncCommandLine"/> as handling
    /// its own signals.
    /// </param>
    public static void Set(Command command, LogLevel defaultLevel, CommandAction action, bool cleansUpOnSignal = false) =>
        command.SetAction(async (parse, invocationToken) =>
        {
            using var signals = cleansUpOnSignal ? new SignalCancellation(invocationToken) : null;
            var cancellationToken = signals?.Token ?? invocationToken;
            var verbose = parse.GetValue(CliOptions.Verbose);
            // --json output is for programs: standard error keeps to warnings and the failure's one line.
            var json = command.Options.Contains(CliOptions.Json) && parse.GetValue(CliOptions.Json);
            // On a terminal the progress bars and the closing table say what the info logs would, without tearing the bars.
            var quiet = json || (defaultLevel < LogLevel.Warning && CliConsole.ErrorIsTerminal);
            var level = verbose ? LogLevel.Debug : quiet ? LogLevel.Warning : defaultLevel;
            using var loggerFactory = CliLogging.Create(level, verbose);
            try
            {
                var exitCode = await action(parse, loggerFactory, cancellationToken);
                return signals?.ExitCode ?? exitCode;
            }
            catch (CliException exception)
            {
                CliConsole.Fail(exception.Message);
                return exception.ExitCode;
            }
            catch (SyncFailedException exception)
            {
                CliConsole.Fail(exception.Message);
                return signals?.ExitCode ?? (exception.Cancelled ? ExitCodes.Cancelled : ExitCodes.Failure);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                CliConsole.Fail("cancelled");
                return signals?.ExitCode ?? ExitCodes.Cancelled;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                CliConsole.Fail(OneLine.Of(exception));
                if (verbose)
                {
                    CliConsole.Status(exception.ToString());
                }

                return signals?.ExitCode ?? ExitCodes.Failure;
            }
        });
}
