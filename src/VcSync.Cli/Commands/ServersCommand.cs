using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Sync.Servers;

namespace VcSync.Cli.Commands;

/// <summary>
/// <c>vcsync servers</c>: the Dell servers and the ESXi host each is linked to; <c>vcsync servers import FILE.csv</c>
/// upserts them from a CSV file and re-links.
/// </summary>
internal static class ServersCommand
{
    public const string Name = "servers";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Dell servers and the ESXi hosts they are linked to";

    private static readonly Option<bool> Unlinked = new("--unlinked") { Description = "Only servers linked to no host" };

    public static Command Create()
    {
        var command = new Command(Name, Description)
        {
            Unlinked, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var rows = await store.ListServersAsync(parse.GetValue(Unlinked), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(rows, CliConsole.Json.IReadOnlyListIReadOnlyDictionaryStringObject);
            }
            else
            {
                RowTable.Render(
                    rows, ["service_tag", "hostname", "model", "idrac_ip", "host_name", "vcenter", "linked_at"], $"{rows.Count:N0} servers");
            }

            return ExitCodes.Success;
        });
        command.Subcommands.Add(CreateImport());
        return command;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with the header row service_tag,hostname,model,idrac_ip" };
        var command = new Command("import", "Upsert servers by service tag from a CSV file, then link them to hosts")
        {
            file, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {path}: {exception.Message}", ExitCodes.Failure);
            }

            IReadOnlyList<Storage.Servers.ServerImportRow> servers;
            try
            {
                servers = ServerCsv.Parse(text);
            }
            catch (CsvFormatException exception)
            {
                throw new CliException($"{path}: {exception.Message}; nothing imported", ExitCodes.Failure);
            }

            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var result = await store.ImportServersAsync(servers, DateTimeOffset.UtcNow, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(result, CliConsole.Json.ServerImportResult);
            }
            else
            {
                CliConsole.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Imported {servers.Count:N0} servers: {result.New:N0} new, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged; " +
                    $"{result.AutoLinked:N0} new links, {result.Ambiguous:N0} hosts with a shared serial left unlinked"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
