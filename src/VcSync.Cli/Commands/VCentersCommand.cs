using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync vcenters</c>: the registered vCenters and how their last syncs went.</summary>
internal static class VCentersCommand
{
    public static Command Create()
    {
        var command = new Command("vcenters", "Registered vCenters and their last sync")
        {
            CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenters = await store.ListVCentersAsync(cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(vcenters);
                return ExitCodes.Success;
            }

            var rows = vcenters.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["name"] = v.Name,
                ["url"] = v.Url,
                ["username"] = v.Username,
                ["enabled"] = v.Enabled,
                ["api_version"] = v.ApiVersion,
                ["last_sync_at"] = v.LastSyncAt,
                ["last_sync_status"] = v.LastSyncStatus,
                ["last_sync_error"] = v.LastSyncError,
            }).ToList();
            RowTable.Render(
                rows,
                ["name", "url", "username", "enabled", "api_version", "last_sync_at", "last_sync_status", "last_sync_error"],
                $"{rows.Count} vCenters");
            return ExitCodes.Success;
        });
        return command;
    }
}
