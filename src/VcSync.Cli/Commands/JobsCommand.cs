using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Jobs;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync jobs enqueue|list|show|cancel</c>: the sync job queue that <c>vcsync worker</c> runs.</summary>
internal static class JobsCommand
{
    public const string Name = "jobs";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "The sync job queue that 'vcsync worker' processes";

    public static Command Create()
    {
        var command = new Command(Name, Description);
        command.Subcommands.Add(Enqueue());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Cancel());
        command.Subcommands.Add(JobsWatchersCommand.Create());
        return command;
    }

    private static Command Enqueue()
    {
        var type = new Argument<string>("type") { Description = "The job type: sync" };
        type.AcceptOnlyFromAmong("sync");
        var command = new Command("enqueue", "Queue a sync of one vCenter (--vcenter) or of every enabled vCenter (one job each)")
        {
            type, CliOptions.VCenter, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var target = await DatabaseSettings.ResolveVCenterFilterAsync(parse, store, cancellationToken);

            var jobs = await store.Jobs().EnqueueSyncAsync(target, SyncJobTasks.Definitions, skipIfActive: false, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(jobs.Select(JobView.Summary).ToList(), CliConsole.Json.ListIReadOnlyDictionaryStringObject);
            }
            else if (jobs.Count == 0)
            {
                CliConsole.Status("No enabled vCenters: nothing queued (add one with 'vcsync vcenters add').");
            }
            else
            {
                foreach (var job in jobs)
                {
                    CliConsole.Out.WriteLine($"{job.Id}  sync {job.TargetVCenterName}  pending");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var limit = new Option<int>("--limit") { Description = "How many of the newest jobs to show", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "The newest jobs first") { limit, CliOptions.Database, CliOptions.Json };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            if (parse.GetValue(limit) <= 0)
            {
                throw new CliException("--limit must be positive");
            }

            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var jobs = await store.Jobs().ListAsync(parse.GetValue(limit), cancellationToken);
            var rows = jobs.Select(JobView.Summary).ToList();
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(rows, CliConsole.Json.ListIReadOnlyDictionaryStringObject);
            }
            else
            {
                RowTable.Render(
                    rows,
                    ["id", "job_type", "vcenter", "status", "created_at", "completed_at", "worker_id", "error"],
                    $"{rows.Count} jobs");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "The job's id (or a unique prefix of it)" };
        var command = new Command("show", "One job: its tasks, progress, result and error") { id, CliOptions.Database, CliOptions.Json };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var jobs = store.Jobs();
            var job = await jobs.FindAsync(await ResolveIdAsync(jobs, parse.GetValue(id)!, cancellationToken), cancellationToken)
                ?? throw new CliException($"no job {parse.GetValue(id)}", ExitCodes.Failure);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(JobView.Detail(job), CliConsole.Json.IReadOnlyDictionaryStringObject);
            }
            else
            {
                JobDetailRenderer.Render(job);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Cancel()
    {
        var id = new Argument<string>("id") { Description = "The job's id (or a unique prefix of it)" };
        var command = new Command("cancel", "Cancel a pending job, or ask the worker of a running one to stop it")
        {
            id, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var jobs = store.Jobs();
            var jobId = await ResolveIdAsync(jobs, parse.GetValue(id)!, cancellationToken);
            var outcome = await jobs.RequestCancelAsync(jobId, cancellationToken);
            var (message, exit) = outcome switch
            {
                CancelOutcome.Cancelled => ("cancelled (it had not started)", ExitCodes.Success),
                CancelOutcome.Requested => ("cancel requested: its worker stops it at the next page and rolls the write back", ExitCodes.Success),
                CancelOutcome.AlreadyFinished => ("has already ended; nothing to cancel", ExitCodes.Failure),
                _ => ("does not exist", ExitCodes.Failure),
            };
            if (exit != ExitCodes.Success)
            {
                throw new CliException($"job {jobId} {message}", exit);
            }

            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(new Dictionary<string, object?> { ["id"] = jobId, ["outcome"] = outcome.ToString().ToLowerInvariant() }, CliConsole.Json.DictionaryStringObject);
            }
            else
            {
                CliConsole.Out.WriteLine($"job {jobId}: {message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<Guid> ResolveIdAsync(IJobStore jobs, string text, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        var prefix = text.Trim().ToLowerInvariant();
        if (prefix.Length < 4)
        {
            throw new CliException($"'{text}' is not a job id (give the id, or at least its first 4 characters)");
        }

        var matches = (await jobs.ListAsync(10_000, cancellationToken))
            .Where(j => j.Id.ToString("D").StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new CliException($"no job {text}", ExitCodes.Failure),
            _ => throw new CliException($"'{text}' matches {matches.Count} jobs; give more of the id"),
        };
    }
}
