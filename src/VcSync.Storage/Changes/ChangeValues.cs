using System.Globalization;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Changes;

/// <summary>How history rows name objects and write values.</summary>
internal static class ChangeValues
{
    /// <summary>The object type of a synced table's rows: <c>vm</c>, <c>host</c>, <c>cluster</c>, <c>datastore</c>, <c>network</c>, <c>alarm</c>.</summary>
    public static string ObjectType(string table) => table switch
    {
        "vcenter_vms" => "vm",
        "vcenter_hosts" => "host",
        "vcenter_clusters" => "cluster",
        "vcenter_datastores" => "datastore",
        "vcenter_networks" => "network",
        "vcenter_alarms" => "alarm",
        _ => table.StartsWith("vcenter_", StringComparison.Ordinal) ? table["vcenter_".Length..].TrimEnd('s') : table,
    };

    /// <summary>The column that names a row of the table: <c>name</c>, or <c>alarm_name</c> for alarms.</summary>
    public static string? NameColumn(TableSchema table) =>
        table.FindColumn("name") is not null ? "name" : table.FindColumn("alarm_name") is not null ? "alarm_name" : null;

    /// <summary>A contract value as history text: invariant numbers, <c>true</c>/<c>false</c>, ISO-8601 UTC timestamps.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => ContractValue.FormatTimestamp(d),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
