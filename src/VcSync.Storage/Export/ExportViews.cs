using System.Collections.Concurrent;
using VcSync.Storage.Schema;
using VcSync.Storage.Sqlite;

namespace VcSync.Storage.Export;

/// <summary>The <see cref="ExportView"/> of every <see cref="ExportSource"/>, for each dialect.</summary>
internal static class ExportViews
{
    private static readonly ConcurrentDictionary<string, Dictionary<ExportSource, ExportView>> ByDialect = new(StringComparer.Ordinal);

    /// <summary>The view of <paramref name="source"/> in <paramref name="dialect"/>'s SQL; SQLite's when null (its columns are the same).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The store's schema has no such rows.</exception>
    public static ExportView Get(ExportSource source, ISqlDialect? dialect) =>
        Find(source, dialect) ?? throw new ArgumentOutOfRangeException(nameof(source), source, "The inventory schema has no such rows.");

    /// <summary>The view of <paramref name="source"/>, or null while the contract lacks its tables.</summary>
    public static ExportView? Find(ExportSource source, ISqlDialect? dialect)
    {
        dialect ??= SqliteDialect.Instance;
        return ByDialect.GetOrAdd(dialect.Name, _ => Build(dialect)).GetValueOrDefault(source);
    }

    /// <summary>The contract table of this name, or null.</summary>
    private static TableSchema? Table(string name) => ContractSchema.Tables.FirstOrDefault(t => t.Name == name);

    private static bool Has(TableSchema table, string column) => table.FindColumn(column) is not null;

    private static Dictionary<ExportSource, ExportView> Build(ISqlDialect dialect)
    {
        const string JoinVCenter = " JOIN vcenters vcenter ON vcenter.id = {0}.source_vcenter_id";
        var vcenter = ("vcenter", ContractSchema.VCenters);
        var hostNames = dialect.OrderedTextList(
            "h.name",
            "vcenter_datastore_hosts dh JOIN vcenter_hosts h ON h.source_vcenter_id = dh.source_vcenter_id AND h.moref = dh.host_moref" +
            " WHERE dh.source_vcenter_id = datastore.source_vcenter_id AND dh.datastore_moref = datastore.moref",
            ", ");
        ExportView?[] views =
        [
            new(
                ExportSource.VCenters,
                "vcenters vcenter",
                [vcenter],
                [],
                "vcenter.id",
                ["vcenter.name"]),
            Has(ContractSchema.Hosts, "cpu_threads")
            ? new(
                ExportSource.Clusters,
                "vcenter_clusters cluster" + string.Format(null, JoinVCenter, "cluster") +
                " LEFT JOIN (SELECT source_vcenter_id, cluster_moref, SUM(cpu_cores) AS cpu_cores, SUM(cpu_threads) AS cpu_threads" +
                " FROM vcenter_hosts WHERE cluster_moref IS NOT NULL GROUP BY source_vcenter_id, cluster_moref) cluster_hosts" +
                " ON cluster_hosts.source_vcenter_id = cluster.source_vcenter_id AND cluster_hosts.cluster_moref = cluster.moref",
                [("cluster", ContractSchema.Clusters), vcenter],
                [
                    Computed("cluster_hosts.cpu_cores", ColumnKind.BigInteger, "cluster_hosts.cpu_cores"),
                    Computed("cluster_hosts.cpu_threads", ColumnKind.BigInteger, "cluster_hosts.cpu_threads"),
                ],
                "cluster.source_vcenter_id",
                ["vcenter.name", "cluster.name", "cluster.moref"])
            : new(
                ExportSource.Clusters,
                "vcenter_clusters cluster" + string.Format(null, JoinVCenter, "cluster"),
                [("cluster", ContractSchema.Clusters), vcenter],
                [],
                "cluster.source_vcenter_id",
                ["vcenter.name", "cluster.name", "cluster.moref"]),
            new(
                ExportSource.Hosts,
                "vcenter_hosts host" + string.Format(null, JoinVCenter, "host") +
                " LEFT JOIN vcenter_clusters cluster ON cluster.source_vcenter_id = host.source_vcenter_id AND cluster.moref = host.cluster_moref" +
                " LEFT JOIN (SELECT source_vcenter_id, host_moref, COUNT(*) AS total," +
                " SUM(CASE WHEN power_state = 'poweredOn' THEN 1 ELSE 0 END) AS powered_on," +
                " SUM(cpu_count) AS vcpus, SUM(memory_mb) AS memory_mb FROM vcenter_vms" +
                " WHERE host_moref IS NOT NULL AND is_template IS NOT TRUE GROUP BY source_vcenter_id, host_moref) host_vms" +
                " ON host_vms.source_vcenter_id = host.source_vcenter_id AND host_vms.host_moref = host.moref",
                [("host", ContractSchema.Hosts), ("cluster", ContractSchema.Clusters), vcenter],
                [
                    Computed("host_vms.total", ColumnKind.BigInteger, "COALESCE(host_vms.total, 0)"),
                    Computed("host_vms.powered_on", ColumnKind.BigInteger, "COALESCE(host_vms.powered_on, 0)"),
                    Computed("host_vms.vcpus", ColumnKind.BigInteger, "COALESCE(host_vms.vcpus, 0)"),
                    Computed("host_vms.memory_mb", ColumnKind.BigInteger, "COALESCE(host_vms.memory_mb, 0)"),
                ],
                "host.source_vcenter_id",
                ["vcenter.name", "host.name", "host.moref"]),
            new(
                ExportSource.Vms,
                VmsInNameOrder(dialect) + string.Format(null, JoinVCenter, "vm") +
                " LEFT JOIN vcenter_hosts host ON host.source_vcenter_id = vm.source_vcenter_id AND host.moref = vm.host_moref",
                [("vm", ContractSchema.Vms), ("host", ContractSchema.Hosts), vcenter],
                Table("vcenter_vm_nics") is null ? [] :
                [
                    Computed(
                        "vm_networks.names",
                        ColumnKind.Text,
                        dialect.ListInOrder(
                            "COALESCE(n.network_name, '')",
                            "n.device_key",
                            "vcenter_vm_nics n WHERE n.source_vcenter_id = vm.source_vcenter_id AND n.vm_moref = vm.moref",
                            ExportColumn.ListedNetworks,
                            $"'{ExportColumn.ListSeparator}'")),
                ],
                "vm.source_vcenter_id",
                ["vcenter.name", "vm.name", "vm.moref"]),
            VmChild(dialect, ExportSource.VmNics, "vcenter_vm_nics", "nic", "device_key"),
            VmChild(dialect, ExportSource.VmDisks, "vcenter_vm_disks", "disk", "device_key"),
            VmChild(dialect, ExportSource.VmPartitions, "vcenter_vm_partitions", "partition", "disk_path"),
            VmChild(dialect, ExportSource.VmSnapshots, "vcenter_vm_snapshots", "snapshot", "created_at"),
            Table("vcenter_host_portgroups") is not { } portgroups ? null : new(
                ExportSource.HostPortgroups,
                "vcenter_host_portgroups portgroup JOIN vcenter_hosts host" +
                " ON host.source_vcenter_id = portgroup.source_vcenter_id AND host.moref = portgroup.host_moref" +
                string.Format(null, JoinVCenter, "portgroup"),
                [("portgroup", portgroups), ("host", ContractSchema.Hosts), vcenter],
                [],
                "portgroup.source_vcenter_id",
                ["vcenter.name", "host.name", "host.moref", "portgroup.portgroup_name"]),
            Table("vcenter_host_portgroups") is null ? null : new(
                ExportSource.StandardSwitches,
                "(SELECT source_vcenter_id, host_moref, vswitch_name AS name, COUNT(*) AS portgroups FROM vcenter_host_portgroups" +
                " WHERE vswitch_name IS NOT NULL GROUP BY source_vcenter_id, host_moref, vswitch_name) vswitch" +
                " JOIN vcenter_hosts host ON host.source_vcenter_id = vswitch.source_vcenter_id AND host.moref = vswitch.host_moref" +
                string.Format(null, JoinVCenter, "vswitch"),
                [("host", ContractSchema.Hosts), vcenter],
                [
                    Computed("vswitch.name", ColumnKind.Text, "vswitch.name"),
                    Computed("vswitch.portgroups", ColumnKind.BigInteger, "vswitch.portgroups"),
                ],
                "vswitch.source_vcenter_id",
                ["vcenter.name", "host.name", "host.moref", "vswitch.name"]),
            new(
                ExportSource.Datastores,
                "vcenter_datastores datastore" + string.Format(null, JoinVCenter, "datastore"),
                [("datastore", ContractSchema.Datastores), vcenter],
                [Computed("datastore_hosts.names", ColumnKind.Text, hostNames)],
                "datastore.source_vcenter_id",
                ["vcenter.name", "datastore.name", "datastore.moref"]),
            new(
                ExportSource.DistributedPortgroups,
                "vcenter_networks network" + string.Format(null, JoinVCenter, "network"),
                [("network", ContractSchema.Networks), vcenter],
                [],
                "network.source_vcenter_id",
                ["vcenter.name", "network.dvs_name", "network.name", "network.moref"],
                "network.network_type = 'distributed'"),
            new(
                ExportSource.DistributedSwitches,
                "(SELECT source_vcenter_id, dvs_moref AS moref, MAX(dvs_name) AS name, COUNT(*) AS portgroups" +
                (Has(ContractSchema.Networks, "datacenter") ? ", MAX(datacenter) AS datacenter" : ", NULL AS datacenter") +
                " FROM vcenter_networks WHERE network_type = 'distributed' AND dvs_moref IS NOT NULL" +
                " GROUP BY source_vcenter_id, dvs_moref) dvs" + string.Format(null, JoinVCenter, "dvs"),
                [vcenter],
                [
                    Computed("dvs.moref", ColumnKind.Text, "dvs.moref"),
                    Computed("dvs.name", ColumnKind.Text, "dvs.name"),
                    Computed("dvs.portgroups", ColumnKind.BigInteger, "dvs.portgroups"),
                    Computed("dvs.datacenter", ColumnKind.Text, "dvs.datacenter"),
                ],
                "dvs.source_vcenter_id",
                ["vcenter.name", "dvs.name", "dvs.moref"]),
        ];
        return views.OfType<ExportView>().ToDictionary(v => v.Source);
    }

    /// <summary>
    /// Rows of a child table of <c>vcenter_vms</c> with their VM, by vCenter, VM name and the child's key; null while the
    /// contract lacks the table. The VMs are the outer loop, read in name order, so only each VM's few rows are sorted.
    /// </summary>
    private static ExportView? VmChild(ISqlDialect dialect, ExportSource source, string table, string alias, string orderColumn) =>
        Table(table) is not { } schema ? null : new(
        source,
        $"{VmsInNameOrder(dialect)} {dialect.JoinKeepingOrder} {table} {alias}" +
        $" ON {alias}.source_vcenter_id = vm.source_vcenter_id AND {alias}.vm_moref = vm.moref" +
        " JOIN vcenters vcenter ON vcenter.id = vm.source_vcenter_id",
        [(alias, schema), ("vm", ContractSchema.Vms), ("vcenter", ContractSchema.VCenters)],
        [],
        "vm.source_vcenter_id",
        [
            "vcenter.name", "vm.name", "vm.moref", $"{alias}.{orderColumn}",
            .. schema.OrderBy.Where(c => c != orderColumn && c != "source_vcenter_id" && c != "vm_moref").Select(c => $"{alias}.{c}"),
        ]);

    // Sorting 45,000 wide rows (or 90,000 with their disks) costs more than the rest of a sheet; the name index has them in order.
    private static string VmsInNameOrder(ISqlDialect dialect) => dialect.ScanInIndexOrder("vcenter_vms", "vm", "ix_vcenter_vms_name");

    private static ExportColumn Computed(string name, ColumnKind kind, string expression) => new(name, kind) { Expression = expression };
}
