using System.CommandLine;
using VcSync.Sync.Watch;

namespace VcSync.Cli.CommandLine;

/// <summary>The watcher's options, shared by <c>vcsync watch</c> and <c>vcsync worker --watch</c>.</summary>
internal static class WatchOptionsParser
{
    public static Option<string> AlarmInterval() => new("--alarm-interval")
    {
        Description = "How often the triggered alarms are polled (vCenter sends no updates for them)",
        DefaultValueFactory = _ => "60s",
    };

    public static WatchOptions Resolve(ParseResult parse, Option<string> alarmInterval, Option<string?>? workerId)
    {
        var timeout = parse.GetValue(CliOptions.Timeout);
        if (timeout <= 0)
        {
            throw new CliException("--timeout must be a positive number of seconds");
        }

        var callTimeout = TimeSpan.FromSeconds(timeout);
        var interval = Durations.Parse(parse.GetValue(alarmInterval)!, "--alarm-interval");
        if (interval < TimeSpan.FromSeconds(1))
        {
            throw new CliException("--alarm-interval must be at least 1s");
        }

        // WaitForUpdatesEx waits server-side; keep that below the call timeout so a quiet vCenter is never a timeout.
        var maxWait = TimeSpan.FromSeconds(Math.Clamp(timeout - 10, 1, 50));
        var options = new WatchOptions { AlarmInterval = interval, CallTimeout = callTimeout, MaxWait = maxWait };
        if (workerId is not null && parse.GetValue(workerId) is { } id)
        {
            options = options with { WorkerId = string.IsNullOrWhiteSpace(id) ? throw new CliException("--worker-id must not be empty") : id };
        }

        return options;
    }
}
