using System.CommandLine;
using Microsoft.Extensions.Logging;
using VcSync.Cli.CommandLine;
using VcSync.Cli.Rendering;

namespace VcSync.Cli.Commands;

/// <summary><c>vcsync vms|hosts|clusters|datastores|networks</c>: what the last syncs wrote, as tables or JSON.</summary>
internal static class InventoryListCommand
{
    /// <summary>The list commands: each one's name, its line in <c>vcsync --help</c>, and how to build it.</summary>
    public static IEnumerable<(string Name, string Description, Func<Command> Create)> All()
    {
        yield return List("vms", "vcenter_vms", "Virtual machines and templates",
            ["name", "power_state", "host_name", "cluster_name", "ip_address", "cpu_count", "memory_mb", "guest_os"]);
        yield return List("hosts", "vcenter_hosts", "ESXi hosts",
            ["name", "cluster_name", "serial_number", "esxi_version", "esxi_build", "connection_state", "in_maintenance_mode"]);
        yield return List("clusters", "vcenter_clusters", "Clusters",
            ["name", "num_hosts", "total_cpu_mhz", "total_memory_bytes", "ha_enabled", "drs_enabled", "drs_behavior", "overall_status"]);
        yield return List("datastores", "vcenter_datastores", "Datastores",
            ["name", "type", "capacity_bytes", "free_bytes", "accessible", "maintenance_mode", "host_count", "vm_count"]);
        yield return List("networks", "vcenter_networks", "Networks and distributed portgroups",
            ["name", "network_type", "dvs_name", "vlan_type", "vlan_id", "vlan_ranges", "is_uplink", "host_count", "vm_count"]);
    }

    private static (string, string, Func<Command>) List(string name, string table, string what, string[] displayColumns)
    {
        var description = $"{what} from the database";
        return (name, description, () => Create(name, table, description, displayColumns));
    }

    private static Command Create(string name, string table, string description, string[] displayColumns)
    {
        var command = new Command(name, description)
        {
            CliOptions.VCenter, CliOptions.Database, CliOptions.Json,
        };
        CommandActions.Set(command, LogLevel.Warning, async (parse, loggerFactory, cancellationToken) =>
        {
            await using var store = await DatabaseSettings.OpenAsync(parse, loggerFactory, cancellationToken);
            var vcenterId = await DatabaseSettings.ResolveVCenterFilterAsync(parse, store, cancellationToken);

            var rows = await store.ListRowsAsync(table, vcenterId, cancellationToken);
            if (parse.GetValue(CliOptions.Json))
            {
                CliConsole.WriteJson(rows, CliConsole.Json.IReadOnlyListIReadOnlyDictionaryStringObject);
            }
            else
            {
                RowTable.Render(rows, displayColumns, $"{rows.Count:N0} {name}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
