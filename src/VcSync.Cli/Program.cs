using VcSync.Cli.CommandLine;

namespace VcSync.Cli;

internal static class Program
{
    private static Task<int> Main(string[] args) => VcSyncCommandLine.RunAsync(args);
}
