using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Sync.Probe;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync probe</c>: log in, fetch the inventory through one view, print what the server is and holds.</summary>
internal static class ProbeCommand
{
    public const string Name = "probe";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Log in, fetch the inventory once and print counts; writes nothing";

    public static Command Create()
    {
        var pageSize = new Option<int?>("--page-size") { Description = "Objects per PropertyCollector page (default: the server's)" };
        var command = new Command(Name, Description)
        {
            CliOptions.Url, CliOptions.Username, CliOptions.PasswordStdin, CliOptions.Insecure, CliOptions.Thumbprint,
            CliOptions.Timeout, CliOptions.Json, pageSize,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            var connection = ConnectionSettings.Resolve(parse);
            var result = await InventoryProbe.RunAsync(
                connection.ToClientOptions(loggerFactory), connection.Username, connection.Password, parse.GetValue(pageSize), cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(ProbeDocument.From(result), CliConsole.Json.ProbeDocument);
            }
            else
            {
                Render(result);
            }

            return ExitCodes.Success;
        }, cleansUpOnSignal: true);
        return command;
    }

    private static void Render(ProbeResult result)
    {
        var about = result.About;
        CliConsole.Out.MarkupLine(Markup.Escape($"{about.FullName}"));
        CliConsole.Out.MarkupLine(Markup.Escape($"API {about.ApiVersion}, instance {about.InstanceUuid}"));
        var table = new Table().AddColumn("type").AddColumn(new TableColumn("objects").RightAligned());
        foreach (var (type, count) in result.Objects)
        {
            table.AddRow(Markup.Escape(type), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Pages:N0} pages, {result.SoapCalls:N0} SOAP calls, {result.Bytes:N0} bytes, fetched in {result.FetchTimeMs:N0} ms")));
    }

    internal sealed record ProbeDocument(
        [property: JsonPropertyName("about")] AboutDocument About,
        [property: JsonPropertyName("objects")] IReadOnlyDictionary<string, int> Objects,
        [property: JsonPropertyName("pages")] long Pages,
        [property: JsonPropertyName("soap_calls")] long SoapCalls,
        [property: JsonPropertyName("bytes")] long Bytes,
        [property: JsonPropertyName("fetch_time_ms")] long FetchTimeMs)
    {
        public static ProbeDocument From(ProbeResult result) => new(
            new AboutDocument(result.About.Name, result.About.FullName, result.About.Version, result.About.Build, result.About.ApiVersion, result.About.InstanceUuid),
            result.Objects,
            result.Pages,
            result.SoapCalls,
            result.Bytes,
            result.FetchTimeMs);
    }

    internal sealed record AboutDocument(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("fullName")] string? FullName,
        [property: JsonPropertyName("version")] string? Version,
        [property: JsonPropertyName("build")] string? Build,
        [property: JsonPropertyName("apiVersion")] string? ApiVersion,
        [property: JsonPropertyName("instanceUuid")] string? InstanceUuid);
}
