using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Storage;
using VcSync.Storage.Changes;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync changes</c>: the change history, newest first.</summary>
internal static class ChangesCommand
{
    public const string Name = "changes";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "What changed in the inventory, newest first (written by full syncs and the watcher)";

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only changes since then: a duration back from now (1h, 30m, 7d) or an ISO-8601 time" };
        var type = new Option<string?>("--type") { Description = "Only this kind of object" };
        type.AcceptOnlyFromAmong("vm", "host", "cluster", "datastore", "network", "alarm");
        var moref = new Option<string?>("--moref") { Description = "Only this object (its managed object reference, e.g. vm-42)" };
        var limit = new Option<int>("--limit") { Description = "The most rows to show", DefaultValueFactory = _ => 1000 };
        var command = new Command(Name, Description)
        {
            CliOptions.VCenter, since, type, moref, limit, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            if (parse.GetValue(limit) <= 0)
            {
                throw new CliException("--limit must be positive");
            }

            var from = ParseSince(parse.GetValue(since), DateTimeOffset.UtcNow);
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var query = new ChangeQuery
            {
                VCenterId = await DatabaseSettings.ResolveVCenterFilterAsync(parse, store, cancellationToken),
                Since = from,
                ObjectType = parse.GetValue(type),
                Moref = parse.GetValue(moref),
                Limit = parse.GetValue(limit),
            };
            var rows = await store.Changes().ListAsync(query, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(rows, CliConsole.Json.IReadOnlyListIReadOnlyDictionaryStringObject);
            }
            else
            {
                RowTable.Render(
                    rows,
                    ["changed_at", "vcenter", "object_type", "moref", "object_name", "change_kind", "column_name", "old_value", "new_value", "source"],
                    $"{rows.Count:N0} changes");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>1h</c>, <c>30m</c>, <c>7d</c> back from <paramref name="now"/>, or an ISO-8601 time (UTC unless it says otherwise).</summary>
    public static DateTimeOffset? ParseSince(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && text.Contains('-', StringComparison.Ordinal))
        {
            return at;
        }

        try
        {
            return now - Durations.Parse(text, "--since");
        }
        catch (CliException)
        {
            throw new CliException($"--since: '{text}' is neither a duration (1h, 30m, 7d) nor an ISO-8601 time");
        }
    }
}
