using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Storage.Alarms;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync alarms</c>: the triggered alarms the last syncs read, newest first.</summary>
internal static class AlarmsCommand
{
    public const string Name = "alarms";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Triggered alarms from the database, newest first";

    private static readonly Option<string?> Status = CreateStatus();

    public static Command Create()
    {
        var command = new Command(Name, Description)
        {
            CliOptions.VCenter, Status, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenterId = await DatabaseSettings.ResolveVCenterFilterAsync(parse, store, cancellationToken);

            var rows = await store.ListAlarmsAsync(
                new AlarmQuery { VCenterId = vcenterId, Status = parse.GetValue(Status) }, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(rows, CliConsole.Json.IReadOnlyListIReadOnlyDictionaryStringObject);
            }
            else
            {
                RowTable.Render(
                    rows,
                    ["triggered_at", "overall_status", "alarm_name", "entity_type", "entity_name", "acknowledged", "acknowledged_by", "vcenter"],
                    $"{rows.Count:N0} triggered alarms");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string?> CreateStatus()
    {
        var option = new Option<string?>("--status") { Description = "Only alarms of this status" };
        option.AcceptOnlyFromAmong("red", "yellow");
        return option;
    }
}
