using System.CommandLine;
using System.CommandLine.Help;
using VcSync.Cli.Commands;
using VcSync.Cli.Rendering;

namespace VcSync.Cli.CommandLine;

/// <summary>The <c>vcsync</c> command tree.</summary>
internal static class VcSyncCommandLine
{
    private static readonly HashSet<string> OwnSignalHandling =
        [WorkerCommand.Name, ServeCommand.Name, SyncCommand.Name, ProbeCommand.Name, DemoCommand.Name, WatchCommand.Name];

    /// <param name="args">
    /// The command line, when known: <c>vcsync --help</c> alone needs only the commands' names and descriptions, and
    /// each is then built as just that, without its options and action (0.8 ms of the 5.8 ms of CPU that help took).
    /// </param>
    public static RootCommand Build(IReadOnlyList<string>? args = null)
    {
        // Both before the first command: the help and version options' descriptions come without a ResourceManager, and
        // --help writes its text itself (each a part of `vcsync --help`'s start-up; see their docs).
        CommandLineResources.Install();
        var root = new RootCommand("VcSync: mirror a VMware vCenter inventory into a SQL database, fast.")
        {
            CliOptions.Verbose,
        };
        HelpTextAction.Attach(root);
        var namesOnly = args is [var only] && IsHelp(root, only);
        foreach (var (name, description, create) in Commands())
        {
            root.Subcommands.Add(namesOnly ? new Command(name, description) : create());
        }

        return root;
    }

    private static IEnumerable<(string Name, string Description, Func<Command> Create)> Commands()
    {
        yield return (DemoCommand.Name, DemoCommand.Description, DemoCommand.Create);
        yield return (ProbeCommand.Name, ProbeCommand.Description, ProbeCommand.Create);
        yield return (SyncCommand.Name, SyncCommand.Description, SyncCommand.Create);
        yield return (VCentersCommand.Name, VCentersCommand.Description, VCentersCommand.Create);
        yield return (JobsCommand.Name, JobsCommand.Description, JobsCommand.Create);
        yield return (WorkerCommand.Name, WorkerCommand.Description, WorkerCommand.Create);
        yield return (WatchCommand.Name, WatchCommand.Description, WatchCommand.Create);
        yield return (ChangesCommand.Name, ChangesCommand.Description, ChangesCommand.Create);
        yield return (ServeCommand.Name, ServeCommand.Description, ServeCommand.Create);
        yield return (AlarmsCommand.Name, AlarmsCommand.Description, AlarmsCommand.Create);
        yield return (ServersCommand.Name, ServersCommand.Description, ServersCommand.Create);
        yield return (ExportCommand.Name, ExportCommand.Description, ExportCommand.Create);
        foreach (var list in InventoryListCommand.All())
        {
            yield return list;
        }
    }

    private static bool IsHelp(RootCommand root, string token)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && (help.Name == token || help.Aliases.Contains(token)))
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build(args).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors are one line on standard error; standard output stays clean for --json consumers.
            foreach (var error in parse.Errors)
            {
                CliConsole.Fail(error.Message);
            }

            CliConsole.Status("Try 'vcsync --help'.");
            return ExitCodes.Usage;
        }

        // These handle SIGINT and SIGTERM themselves: the worker's and the server's hosts finish or hand back the running job
        // (longer than the 2 s System.CommandLine allows); sync, probe and demo clean up on vCenter first and exit with
        // 130 or 143 (SignalCancellation).
        return OwnSignalHandling.Contains(parse.CommandResult.Command.Name)
            ? await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null })
            : await parse.InvokeAsync();
    }
}
