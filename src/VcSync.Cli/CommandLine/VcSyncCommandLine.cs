using System.CommandLine;
using VcSync.Cli.Commands;
using VcSync.Cli.Rendering;

namespace VcSync.Cli.CommandLine;

/// <summary>The <c>vcsync</c> command tree.</summary>
internal static class VcSyncCommandLine
{
    private static readonly HashSet<string> OwnSignalHandling =
        [WorkerCommand.Name, ServeCommand.Name, SyncCommand.Name, ProbeCommand.Name, DemoCommand.Name, WatchCommand.Name];

    public static RootCommand Build()
    {
        // Both before the first command: the help and version options' descriptions come without a ResourceManager, and
        // --help writes its text itself (each a part of `vcsync --help`'s start-up; see their docs).
        CommandLineResources.Install();
        var root = new RootCommand("VcSync: mirror a VMware vCenter inventory into a SQL database, fast.")
        {
            CliOptions.Verbose,
        };
        HelpTextAction.Attach(root);
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(VCentersCommand.Create());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(ChangesCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AlarmsCommand.Create());
        root.Subcommands.Add(ServersCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        foreach (var command in InventoryListCommand.CreateAll())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
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
