using System.CommandLine;
using VcSync.Sync.FullSync;

namespace VcSync.Cli.CommandLine;

/// <summary>The whole-sync deadline from <c>--deadline</c>, then <c>VCSYNC_DEADLINE</c>, else the default.</summary>
internal static class DeadlineSetting
{
    public static TimeSpan Resolve(ParseResult parse) =>
        parse.GetValue(CliOptions.Deadline) is { } text ? Durations.Parse(text, "--deadline")
        : VcSyncEnvironment.Get("VCSYNC_DEADLINE") is { } variable ? Durations.Parse(variable, "VCSYNC_DEADLINE")
        : SyncTarget.DefaultDeadline;
}
