using System.Globalization;
using Spectre.Console;
using VcSync.Sync.Results;

namespace VcSync.Cli.Rendering;

/// <summary>A sync result as a person reads it: one row per table.</summary>
internal static class SyncResultTable
{
    public static void Render(string vcenterName, SyncResult result)
    {
        var table = new Table()
            .Title(Markup.Escape($"Synced {vcenterName}"))
            .AddColumn("table")
            .AddColumn(new TableColumn("new").RightAligned())
            .AddColumn(new TableColumn("updated").RightAligned())
            .AddColumn(new TableColumn("deleted").RightAligned())
            .AddColumn(new TableColumn("unchanged").RightAligned());
        Row(table, "clusters", result.Clusters);
        Row(table, "hosts", result.Hosts);
        Row(table, "vms", result.Vms);
        Row(table, "datastores", result.Datastores);
        Row(table, "networks", result.Networks);
        Row(table, "alarms", result.Alarms);
        CliConsole.Out.Write(table);
        CliConsole.Out.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.TotalObjects:N0} objects, {result.SoapCalls:N0} SOAP calls, fetch {result.FetchTimeMs:N0} ms, " +
            $"process {result.ProcessTimeMs:N0} ms; hosts auto-linked {result.Hosts.AutoLinked}, ambiguous {result.Hosts.Ambiguous}")));
        if (result.Warnings > 0)
        {
            CliConsole.Out.MarkupLine(Markup.Escape(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Warnings:N0} warnings: values that could not be stored are NULL (listed above and in the activity log)")));
        }
    }

    private static void Row(Table table, string name, ChangeCounts counts) => table.AddRow(
        name,
        counts.New.ToString("N0", CultureInfo.InvariantCulture),
        counts.Updated.ToString("N0", CultureInfo.InvariantCulture),
        counts.Deleted.ToString("N0", CultureInfo.InvariantCulture),
        counts.Unchanged.ToString("N0", CultureInfo.InvariantCulture));
}
