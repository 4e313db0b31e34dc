using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;
using VcSync.Export;

namespace VcSync.Cli.Commands;

/// <summary>
/// <c>vcsync export --format xlsx|csv [--out PATH] [--vcenter NAME]</c>: the inventory as an RVTools-compatible
/// workbook, or one CSV file per sheet, for Azure Migrate, Google Migration Center and other RVTools readers.
/// </summary>
internal static class ExportCommand
{
    public const string Name = "export";

    /// <summary>The command's line in <c>vcsync --help</c>.</summary>
    public const string Description = "Write the inventory as an RVTools-compatible .xlsx workbook or CSV files";

    private static readonly Option<string> Format = CreateFormat();

    private static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "The .xlsx file, or the directory of the CSV files (default: vcsync-export-<time>.xlsx or vcsync-export-<time>/)",
    };

    public static Command Create()
    {
        var command = new Command(Name, Description)
        {
            Format, Out, CliOptions.VCenter, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            var format = parse.GetValue(Format) == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx;
            var createdAt = DateTimeOffset.UtcNow;
            var path = parse.GetValue(Out) ?? DefaultPath(format, createdAt);
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenterId = await DatabaseSettings.ResolveVCenterFilterAsync(parse, store, cancellationToken);

            ExportResult result;
            try
            {
                result = await InventoryExporter.ExportAsync(
                    store,
                    new ExportOptions { Format = format, OutputPath = path, VCenterId = vcenterId, CreatedAt = createdAt },
                    cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write {path}: {exception.Message}; nothing written", ExitCodes.Failure);
            }

            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(result, CliConsole.Json.ExportResult);
            }
            else
            {
                var vms = result.Sheets.First(s => s.Name == "vInfo").Rows;
                var hosts = result.Sheets.First(s => s.Name == "vHost").Rows;
                CliConsole.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Wrote {result.Path}: {result.Sheets.Count} sheets, {vms:N0} VMs, {hosts:N0} hosts"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string DefaultPath(ExportFormat format, DateTimeOffset at)
    {
        var name = "vcsync-export-" + at.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return format == ExportFormat.Xlsx ? name + ".xlsx" : name;
    }

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "xlsx (one workbook) or csv (one file per sheet)",
            DefaultValueFactory = _ => "xlsx",
        };
        option.AcceptOnlyFromAmong("xlsx", "csv");
        return option;
    }
}
