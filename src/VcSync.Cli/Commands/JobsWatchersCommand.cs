using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Storage;
using VcSync.Storage.Watchers;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync jobs watchers</c>: the watcher of each watched vCenter, its worker, state, last update and lag.</summary>
internal static class JobsWatchersCommand
{
    public static Command Create()
    {
        var command = new Command("watchers", "The live watchers: per vCenter, the worker, state, last update time and lag")
        {
            CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var rows = (await store.Watchers().ListAsync(cancellationToken)).Select(w => View(w, DateTimeOffset.UtcNow)).ToList();
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(rows, CliConsole.Json.ListIReadOnlyDictionaryStringObject);
            }
            else
            {
                RowTable.Render(
                    rows,
                    ["vcenter", "status", "worker_id", "last_update_at", "since_update_s", "lag_ms", "updates_applied", "heartbeat_at", "last_error"],
                    $"{rows.Count} watchers");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static IReadOnlyDictionary<string, object?> View(WatcherRow w, DateTimeOffset now) => new Dictionary<string, object?>
    {
        ["vcenter"] = w.VCenterName,
        ["vcenter_id"] = w.VCenterId,
        ["status"] = w.Status,
        ["worker_id"] = w.WorkerId,
        ["started_at"] = w.StartedAt,
        ["heartbeat_at"] = w.HeartbeatAt,
        ["last_update_at"] = w.LastUpdateAt,
        ["since_update_s"] = w.LastUpdateAt is { } at ? (long)Math.Max(0, (now - at).TotalSeconds) : null,
        ["lag_ms"] = w.LagMs,
        ["last_version"] = w.LastVersion,
        ["updates_applied"] = w.UpdatesApplied,
        ["changes_applied"] = w.ChangesApplied,
        ["last_error"] = w.LastError,
    };
}
