using VcSync.Inventory.Records;

namespace VcSync.Storage.Schema;

/// <summary>
/// The inventory tables a sync writes: for each, where its records are in the snapshot, its key and contract columns,
/// and how each is read from its record. This is the one place that knows that mapping; both stores generate their
/// SQL from it.
/// </summary>
internal static class SyncedTables
{
    public static SyncedTable<ClusterRecord> Clusters { get; } = new(
        "vcenter_clusters",
        s => s.Clusters,
        [Text<ClusterRecord>("moref", r => r.Moref, nullable: false)],
        [
            Text<ClusterRecord>("name", r => r.Name, nullable: false),
            new(new("total_cpu_mhz", ColumnKind.Integer), r => r.TotalCpuMhz),
            new(new("effective_cpu_mhz", ColumnKind.Integer), r => r.EffectiveCpuMhz),
            new(new("total_memory_bytes", ColumnKind.BigInteger), r => r.TotalMemoryBytes),
            new(new("effective_memory_mb", ColumnKind.BigInteger), r => r.EffectiveMemoryMb),
            new(new("num_hosts", ColumnKind.Integer), r => r.NumHosts),
            new(new("num_effective_hosts", ColumnKind.Integer), r => r.NumEffectiveHosts),
            Text<ClusterRecord>("overall_status", r => r.OverallStatus),
            new(new("ha_enabled", ColumnKind.Boolean), r => r.HaEnabled),
            new(new("drs_enabled", ColumnKind.Boolean), r => r.DrsEnabled),
            Text<ClusterRecord>("drs_behavior", r => r.DrsBehavior),
        ],
        [],
        ["name", "moref"]);

    public static SyncedTable<HostRecord> Hosts { get; } = new(
        "vcenter_hosts",
        s => s.Hosts,
        [Text<HostRecord>("moref", r => r.Moref, nullable: false)],
        [
            Text<HostRecord>("name", r => r.Name, nullable: false),
            Text<HostRecord>("cluster_moref", r => r.ClusterMoref),
            Text<HostRecord>("cluster_name", r => r.ClusterName),
            Text<HostRecord>("serial_number", r => r.SerialNumber),
            Text<HostRecord>("esxi_version", r => r.EsxiVersion),
            Text<HostRecord>("esxi_build", r => r.EsxiBuild),
            Text<HostRecord>("connection_state", r => r.ConnectionState),
            new(new("in_maintenance_mode", ColumnKind.Boolean), r => r.InMaintenanceMode),
        ],
        // Written by linking, never by a sync: a sync that rewrites a host keeps its link.
        [new("server_id", ColumnKind.Uuid)],
        ["name", "moref"]);

    public static SyncedTable<VmRecord> Vms { get; } = new(
        "vcenter_vms",
        s => s.Vms,
        [Text<VmRecord>("moref", r => r.Moref, nullable: false)],
        [
            Text<VmRecord>("name", r => r.Name, nullable: false),
            Text<VmRecord>("vm_uuid", r => r.VmUuid),
            new(new("cpu_count", ColumnKind.Integer), r => r.CpuCount),
            new(new("memory_mb", ColumnKind.Integer), r => r.MemoryMb),
            new(new("is_template", ColumnKind.Boolean), r => r.IsTemplate),
            Text<VmRecord>("power_state", r => r.PowerState),
            Text<VmRecord>("host_moref", r => r.HostMoref),
            Text<VmRecord>("host_name", r => r.HostName),
            Text<VmRecord>("cluster_name", r => r.ClusterName),
            Text<VmRecord>("ip_address", r => r.IpAddress),
            Text<VmRecord>("tools_status", r => r.ToolsStatus),
            Text<VmRecord>("tools_version_status", r => r.ToolsVersionStatus),
            Text<VmRecord>("guest_os", r => r.GuestOs),
            new(new("disk_uncommitted_bytes", ColumnKind.BigInteger), r => r.DiskUncommittedBytes),
        ],
        [],
        ["name", "moref"]);

    public static SyncedTable<DatastoreRecord> Datastores { get; } = new(
        "vcenter_datastores",
        s => s.Datastores,
        [Text<DatastoreRecord>("moref", r => r.Moref, nullable: false)],
        [
            Text<DatastoreRecord>("name", r => r.Name, nullable: false),
            Text<DatastoreRecord>("type", r => r.Type),
            new(new("capacity_bytes", ColumnKind.BigInteger), r => r.CapacityBytes),
            new(new("free_bytes", ColumnKind.BigInteger), r => r.FreeBytes),
            new(new("accessible", ColumnKind.Boolean), r => r.Accessible),
            Text<DatastoreRecord>("maintenance_mode", r => r.MaintenanceMode),
            new(new("host_count", ColumnKind.Integer, IsNullable: false), r => r.HostCount),
            new(new("vm_count", ColumnKind.Integer, IsNullable: false), r => r.VmCount),
        ],
        [],
        ["name", "moref"]);

    public static SyncedTable<NetworkRecord> Networks { get; } = new(
        "vcenter_networks",
        s => s.Networks,
        [Text<NetworkRecord>("moref", r => r.Moref, nullable: false)],
        [
            Text<NetworkRecord>("name", r => r.Name, nullable: false),
            Text<NetworkRecord>("network_type", r => r.NetworkType, nullable: false),
            Text<NetworkRecord>("dvs_moref", r => r.DvsMoref),
            Text<NetworkRecord>("dvs_name", r => r.DvsName),
            new(new("is_uplink", ColumnKind.Boolean, IsNullable: false), r => r.IsUplink),
            Text<NetworkRecord>("vlan_type", r => r.VlanType),
            new(new("vlan_id", ColumnKind.Integer), r => r.VlanId),
            Text<NetworkRecord>("vlan_ranges", r => r.VlanRanges),
            new(new("host_count", ColumnKind.Integer, IsNullable: false), r => r.HostCount),
            new(new("vm_count", ColumnKind.Integer, IsNullable: false), r => r.VmCount),
        ],
        [],
        ["name", "moref"]);

    public static SyncedTable<AlarmRecord> Alarms { get; } = new(
        "vcenter_alarms",
        s => s.Alarms,
        [Text<AlarmRecord>("alarm_key", r => r.AlarmKey, nullable: false)],
        [
            Text<AlarmRecord>("entity_moref", r => r.EntityMoref, nullable: false),
            Text<AlarmRecord>("entity_type", r => r.EntityType, nullable: false),
            Text<AlarmRecord>("entity_name", r => r.EntityName),
            Text<AlarmRecord>("alarm_moref", r => r.AlarmMoref, nullable: false),
            Text<AlarmRecord>("alarm_name", r => r.AlarmName),
            Text<AlarmRecord>("overall_status", r => r.OverallStatus),
            new(new("triggered_at", ColumnKind.Timestamp), r => r.TriggeredAt),
            new(new("acknowledged", ColumnKind.Boolean, IsNullable: false), r => r.Acknowledged),
            Text<AlarmRecord>("acknowledged_by", r => r.AcknowledgedBy),
            new(new("acknowledged_at", ColumnKind.Timestamp), r => r.AcknowledgedAt),
        ],
        [],
        ["alarm_key"]);

    /// <summary>
    /// <c>vcenter_datastore_hosts</c>: a relationship table with no surrogate key; every column is the key, and a mount
    /// listed twice is one row.
    /// </summary>
    public static SyncedTable<DatastoreHostRecord> DatastoreHosts { get; } = new(
        "vcenter_datastore_hosts",
        s => s.DatastoreHosts,
        [
            Text<DatastoreHostRecord>("datastore_moref", r => r.DatastoreMoref, nullable: false),
            Text<DatastoreHostRecord>("host_moref", r => r.HostMoref, nullable: false),
        ],
        [],
        [],
        ["datastore_moref", "host_moref"],
        hasIdentity: false,
        collapseDuplicates: true);

    /// <summary>Every synced table, in the order a sync writes them.</summary>
    public static IReadOnlyList<ISyncedTable> All { get; } = [Clusters, Hosts, Vms, Datastores, DatastoreHosts, Networks, Alarms];

    private static SyncedColumn<TRecord> Text<TRecord>(string name, Func<TRecord, string?> read, bool nullable = true) =>
        new(new(name, ColumnKind.Text, nullable), read);
}
