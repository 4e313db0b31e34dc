using System.Collections.Concurrent;
using VcSync.Storage.Schema;
using VcSync.Storage.Sqlite;

namespace VcSync.Storage.Export;

/// <summary>The <see cref="ExportView"/> of every <see cref="ExportSource"/>, for each dialect.</summary>
internal static class ExportViews
{
    private static readonly ConcurrentDictionary<string, Dictionary<ExportSource, ExportView>> ByDialect = new(StringComparer.Ordinal);

    /// <summary>The view of <paramref name="source"/> in <paramref name="dialect"/>'s SQL; SQLite's when null (its columns are the same).</summary>
    public static ExportView Get(ExportSource source, ISqlDialect? dialect)
    {
        dialect ??= SqliteDialect.Instance;
        return ByDialect.GetOrAdd(dialect.Name, _ => Build(dialect)).GetValueOrDefault(source)
            ?? throw new ArgumentOutOfRangeException(nameof(source), source, "Not an export source.");
    }

    private static Dictionary<ExportSource, ExportView> Build(ISqlDialect dialect)
    {
        const string JoinVCenter = " JOIN vcenters vcenter ON vcenter.id = {0}.source_vcenter_id";
        var vcenter = ("vcenter", ContractSchema.VCenters);
        var hostNames = dialect.OrderedTextAggregate("h.name", ", ");
        ExportView[] views =
        [
            new(
                ExportSource.VCenters,
                "vcenters vcenter",
                [vcenter],
                [],
                "vcenter.id",
                ["vcenter.name"]),
            new(
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
                "vcenter_vms vm" + string.Format(null, JoinVCenter, "vm") +
                " LEFT JOIN vcenter_hosts host ON host.source_vcenter_id = vm.source_vcenter_id AND host.moref = vm.host_moref",
                [("vm", ContractSchema.Vms), ("host", ContractSchema.Hosts), vcenter],
                [],
                "vm.source_vcenter_id",
                ["vcenter.name", "vm.name", "vm.moref"]),
            new(
                ExportSource.Datastores,
                "vcenter_datastores datastore" + string.Format(null, JoinVCenter, "datastore") +
                $" LEFT JOIN (SELECT dh.source_vcenter_id, dh.datastore_moref, {hostNames} AS names" +
                " FROM vcenter_datastore_hosts dh JOIN vcenter_hosts h ON h.source_vcenter_id = dh.source_vcenter_id AND h.moref = dh.host_moref" +
                " GROUP BY dh.source_vcenter_id, dh.datastore_moref) datastore_hosts" +
                " ON datastore_hosts.source_vcenter_id = datastore.source_vcenter_id AND datastore_hosts.datastore_moref = datastore.moref",
                [("datastore", ContractSchema.Datastores), vcenter],
                [Computed("datastore_hosts.names", ColumnKind.Text, "datastore_hosts.names")],
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
                " FROM vcenter_networks WHERE network_type = 'distributed' AND dvs_moref IS NOT NULL" +
                " GROUP BY source_vcenter_id, dvs_moref) dvs" + string.Format(null, JoinVCenter, "dvs"),
                [vcenter],
                [
                    Computed("dvs.moref", ColumnKind.Text, "dvs.moref"),
                    Computed("dvs.name", ColumnKind.Text, "dvs.name"),
                    Computed("dvs.portgroups", ColumnKind.BigInteger, "dvs.portgroups"),
                ],
                "dvs.source_vcenter_id",
                ["vcenter.name", "dvs.name", "dvs.moref"]),
        ];
        return views.ToDictionary(v => v.Source);
    }

    private static ExportColumn Computed(string name, ColumnKind kind, string expression) => new(name, kind) { Expression = expression };
}
