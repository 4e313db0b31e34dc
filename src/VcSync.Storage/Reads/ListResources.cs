using VcSync.Storage.Schema;

namespace VcSync.Storage.Reads;

/// <summary>
/// The listings on offer, each a contract table (columns from <see cref="ContractSchema"/>, so they follow the
/// contract) with the vCenter's name and the ids of linked rows: a VM's host, a host's cluster and Dell server, a
/// server's host.
/// </summary>
public static class ListResources
{
    private const string VCenterJoin = " JOIN vcenters v ON v.id = t.source_vcenter_id";
    private static readonly ListColumn VCenterName = new("vcenter", "v.name", ColumnKind.Text, IsNullable: false);

    /// <summary><c>vcenters</c>, without the encrypted password.</summary>
    public static ListResource VCenters { get; } = new(
        "vcenters",
        "vcenters",
        "",
        [.. Contract(ContractSchema.VCenters, except: "password_encrypted")],
        "t.id",
        "t.id",
        ["t.name"],
        [Boolean("enabled", "t.enabled"), Text("last_sync_status", "t.last_sync_status")],
        "name");

    /// <summary><c>vcenter_vms</c>, with <c>host_id</c>.</summary>
    public static ListResource Vms { get; } = new(
        "vms",
        "vcenter_vms",
        VCenterJoin + " LEFT JOIN vcenter_hosts h ON h.source_vcenter_id = t.source_vcenter_id AND h.moref = t.host_moref",
        [VCenterName, .. Contract(ContractSchema.Vms), new("host_id", "h.id", ColumnKind.Uuid)],
        "t.id",
        "t.source_vcenter_id",
        ["t.name"],
        [
            Text("power_state", "t.power_state"), Text("cluster", "t.cluster_name"), Text("host", "t.host_name"),
            Text("guest_os", "t.guest_os"), Text("tools_status", "t.tools_status"), Boolean("is_template", "t.is_template"),
        ],
        "name");

    /// <summary><c>vcenter_hosts</c>, with <c>cluster_id</c> and the linked server's service tag.</summary>
    public static ListResource Hosts { get; } = new(
        "hosts",
        "vcenter_hosts",
        VCenterJoin + " LEFT JOIN vcenter_clusters c ON c.source_vcenter_id = t.source_vcenter_id AND c.moref = t.cluster_moref" +
        " LEFT JOIN servers s ON s.id = t.server_id",
        [
            VCenterName, .. Contract(ContractSchema.Hosts), new("cluster_id", "c.id", ColumnKind.Uuid),
            new("server_service_tag", "s.service_tag", ColumnKind.Text),
        ],
        "t.id",
        "t.source_vcenter_id",
        ["t.name"],
        [
            Text("cluster", "t.cluster_name"), Text("connection_state", "t.connection_state"),
            Boolean("in_maintenance_mode", "t.in_maintenance_mode"), new("unlinked", "t.server_id", ColumnKind.Boolean, IsNullTest: true),
        ],
        "name");

    /// <summary><c>vcenter_clusters</c>.</summary>
    public static ListResource Clusters { get; } = new(
        "clusters",
        "vcenter_clusters",
        VCenterJoin,
        [VCenterName, .. Contract(ContractSchema.Clusters)],
        "t.id",
        "t.source_vcenter_id",
        ["t.name"],
        [Text("overall_status", "t.overall_status"), Boolean("ha_enabled", "t.ha_enabled"), Boolean("drs_enabled", "t.drs_enabled")],
        "name");

    /// <summary><c>vcenter_datastores</c>.</summary>
    public static ListResource Datastores { get; } = new(
        "datastores",
        "vcenter_datastores",
        VCenterJoin,
        [VCenterName, .. Contract(ContractSchema.Datastores)],
        "t.id",
        "t.source_vcenter_id",
        ["t.name"],
        [Text("type", "t.type"), Boolean("accessible", "t.accessible")],
        "name");

    /// <summary><c>vcenter_networks</c>.</summary>
    public static ListResource Networks { get; } = new(
        "networks",
        "vcenter_networks",
        VCenterJoin,
        [VCenterName, .. Contract(ContractSchema.Networks)],
        "t.id",
        "t.source_vcenter_id",
        ["t.name"],
        [
            Text("network_type", "t.network_type"), Text("vlan_type", "t.vlan_type"), new("vlan_id", "t.vlan_id", ColumnKind.Integer),
            Text("dvs", "t.dvs_name"), Boolean("is_uplink", "t.is_uplink"),
        ],
        "name");

    /// <summary><c>vcenter_alarms</c>, newest first; the search looks at the alarm's and the entity's names.</summary>
    public static ListResource Alarms { get; } = new(
        "alarms",
        "vcenter_alarms",
        VCenterJoin,
        [VCenterName, .. Contract(ContractSchema.Alarms)],
        "t.id",
        "t.source_vcenter_id",
        ["t.alarm_name", "t.entity_name"],
        [Text("status", "t.overall_status"), Text("entity_type", "t.entity_type"), Boolean("acknowledged", "t.acknowledged")],
        "-triggered_at");

    /// <summary><c>servers</c>, with the linked host's name and vCenter; the search looks at service tag and hostname.</summary>
    public static ListResource Servers { get; } = new(
        "servers",
        "servers",
        " LEFT JOIN vcenter_hosts h ON h.id = t.vcenter_host_id LEFT JOIN vcenters v ON v.id = h.source_vcenter_id",
        [
            .. Contract(ContractSchema.Servers), new("host_name", "h.name", ColumnKind.Text),
            new("vcenter", "v.name", ColumnKind.Text),
        ],
        "t.id",
        "h.source_vcenter_id",
        ["t.service_tag", "t.hostname"],
        [new("unlinked", "t.vcenter_host_id", ColumnKind.Boolean, IsNullTest: true), Text("model", "t.model")],
        "service_tag");

    /// <summary><c>jobs</c>, newest first, with the target vCenter's name; the search looks at that name.</summary>
    public static ListResource Jobs { get; } = new(
        "jobs",
        "jobs",
        " LEFT JOIN vcenters v ON v.id = t.target_vcenter_id",
        [.. Contract(ContractSchema.Jobs), new("vcenter", "v.name", ColumnKind.Text)],
        "t.id",
        "t.target_vcenter_id",
        ["v.name"],
        [Text("status", "t.status"), Text("job_type", "t.job_type")],
        "-created_at");

    /// <summary>
    /// <c>inventory_changes</c>, the change feed, newest first (ties in write order); the search looks at the object's
    /// name, <c>since</c> and <c>until</c> bound <c>changed_at</c>.
    /// </summary>
    public static ListResource Changes { get; } = new(
        "changes",
        "inventory_changes",
        VCenterJoin,
        [VCenterName, .. Contract(ContractSchema.InventoryChanges)],
        "t.id",
        "t.source_vcenter_id",
        ["t.object_name"],
        [
            Text("type", "t.object_type"), Text("moref", "t.moref"), Text("kind", "t.change_kind"), Text("column", "t.column_name"),
            Text("source", "t.source"), new("since", "t.changed_at", ColumnKind.Timestamp, Comparison: ">="),
            new("until", "t.changed_at", ColumnKind.Timestamp, Comparison: "<"),
        ],
        "-changed_at");

    /// <summary>Every listing, by name.</summary>
    public static IReadOnlyList<ListResource> All { get; } = [VCenters, Vms, Hosts, Clusters, Datastores, Networks, Alarms, Servers, Jobs, Changes];

    /// <summary>The listing with this name, or null.</summary>
    public static ListResource? Find(string name) => All.FirstOrDefault(r => r.Name == name);

    private static IEnumerable<ListColumn> Contract(TableSchema table, string? except = null) =>
        table.Columns.Where(c => c.Name != except).Select(c => new ListColumn(c.Name, "t." + c.Name, c.Kind, c.IsNullable));

    private static ListFilter Text(string name, string expression) => new(name, expression, ColumnKind.Text);

    private static ListFilter Boolean(string name, string expression) => new(name, expression, ColumnKind.Boolean);
}
