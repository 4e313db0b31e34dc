using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Sync.Jobs;
using VcSync.Sync.Watch;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync worker</c>: run queued sync jobs until stopped (SIGTERM, Ctrl+C).</summary>
internal static class WorkerCommand
{
    public const string Name = "worker";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Run queued sync jobs until stopped; several workers may share a PostgreSQL database";

    public static Command Create()
    {
        var schedule = new Option<string?>("--schedule") { Description = "Also enqueue a sync of every enabled vCenter on this interval, e.g. 15m" };
        var workerId = new Option<string?>("--worker-id") { Description = "This worker's id in jobs.worker_id (default: host name and process id)" };
        var heartbeat = new Option<string>("--heartbeat") { Description = "How often to beat for the running job", DefaultValueFactory = _ => "5s" };
        var staleAfter = new Option<string>("--stale-after")
        {
            Description = "Take over a running job whose worker has not beaten for this long",
            DefaultValueFactory = _ => "60s",
        };
        var poll = new Option<string>("--poll") { Description = "How often to look for work when the queue is empty", DefaultValueFactory = _ => "2s" };
        var grace = new Option<string>("--shutdown-grace")
        {
            Description = "On SIGTERM, how long the running job may finish before it is handed back to the queue",
            DefaultValueFactory = _ => "20s",
        };
        var pageSize = new Option<int?>("--page-size") { Description = $"Objects per PropertyCollector page to ask for at most (default {VcSync.Sync.FullSync.SyncTarget.DefaultMaxObjectsPerPage}; a small inventory's VMs come in smaller pages, and the server may cut pages smaller)" };
        var incremental = new Option<bool>("--incremental")
        {
            Description = "Sync incrementally, as sync --incremental does (keep sessions and change collectors; best with one worker)",
        };
        var watch = new Option<bool>("--watch") { Description = "Also keep every enabled vCenter live (one watcher per vCenter across all workers)" };
        var alarmInterval = WatchOptionsParser.AlarmInterval();
        var historyDays = new Option<int>("--history-days") { Description = "Keep the change history this many days", DefaultValueFactory = _ => 90 };
        var command = new Command(Name, Description)
        {
            CliOptions.Database, schedule, workerId, heartbeat, staleAfter, poll, grace, pageSize, CliOptions.Timeout,
            CliOptions.Deadline, CliOptions.Retries, CliOptions.RetryDelay, incremental, watch, alarmInterval, historyDays,
        };
        CommandActions.Set(command, LogLevel.Information, async (parse, loggerFactory, cancellationToken) =>
        {
            var options = new WorkerOptions
            {
                Schedule = Durations.ParseOptional(parse.GetValue(schedule), "--schedule"),
                HeartbeatInterval = Durations.Parse(parse.GetValue(heartbeat)!, "--heartbeat"),
                StaleAfter = Durations.Parse(parse.GetValue(staleAfter)!, "--stale-after"),
                PollInterval = Durations.Parse(parse.GetValue(poll)!, "--poll"),
                ShutdownGrace = Durations.Parse(parse.GetValue(grace)!, "--shutdown-grace"),
                MaxObjectsPerPage = parse.GetValue(pageSize),
                CallTimeout = TimeSpan.FromSeconds(parse.GetValue(CliOptions.Timeout) is > 0 and var t ? t
                    : throw new CliException("--timeout must be a positive number of seconds")),
                Retry = RetrySettings.Resolve(parse),
                Deadline = DeadlineSetting.Resolve(parse),
                Sessions = parse.GetValue(incremental) ? VcSync.Sync.Incremental.FileSessionCookieStore.Default() : null,
            };
            if (parse.GetValue(workerId) is { } id)
            {
                options = options with { WorkerId = string.IsNullOrWhiteSpace(id) ? throw new CliException("--worker-id must not be empty") : id };
            }

            if (options.StaleAfter <= options.HeartbeatInterval * 2)
            {
                throw new CliException("--stale-after must be more than twice --heartbeat, or live workers' jobs get taken over");
            }

            if (parse.GetValue(historyDays) <= 0)
            {
                throw new CliException("--history-days must be positive");
            }

            var watchOptions = parse.GetValue(watch)
                ? WatchOptionsParser.Resolve(parse, alarmInterval, null) with
                {
                    WorkerId = options.WorkerId,
                    HeartbeatInterval = options.HeartbeatInterval,
                    StaleAfter = options.StaleAfter,
                }
                : null;
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            using var host = WorkerHost.Build(
                store, options, loggerFactory, watchOptions, new HistoryRetention(TimeSpan.FromDays(parse.GetValue(historyDays))));
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
