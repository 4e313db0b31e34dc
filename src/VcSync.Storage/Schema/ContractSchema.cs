namespace VcSync.Storage.Schema;

/// <summary>
/// Every table of the schema contract with its columns, as both stores create them. Callers use it to show a
/// table's columns in contract order, and to know which table names <see cref="IInventoryStore.ListRowsAsync"/> takes.
/// </summary>
public static class ContractSchema
{
    /// <summary><c>vcenters</c>: the registered vCenters.</summary>
    public static TableSchema VCenters { get; } = new(
        "vcenters",
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("name", ColumnKind.Text, IsNullable: false),
            new("url", ColumnKind.Text, IsNullable: false),
            new("username", ColumnKind.Text, IsNullable: false),
            new("tls_thumbprint", ColumnKind.Text),
            new("tls_insecure", ColumnKind.Boolean, IsNullable: false),
            new("enabled", ColumnKind.Boolean, IsNullable: false),
            new("instance_uuid", ColumnKind.Text),
            new("api_version", ColumnKind.Text),
            new("last_sync_at", ColumnKind.Timestamp),
            new("last_sync_status", ColumnKind.Text),
            new("last_sync_error", ColumnKind.Text),
            new("password_encrypted", ColumnKind.Text),
        ],
        "id",
        ["name"]);

    /// <summary><c>vcenter_clusters</c>.</summary>
    public static TableSchema Clusters => SyncedTables.Clusters.Table;

    /// <summary><c>vcenter_hosts</c>.</summary>
    public static TableSchema Hosts => SyncedTables.Hosts.Table;

    /// <summary><c>vcenter_vms</c>.</summary>
    public static TableSchema Vms => SyncedTables.Vms.Table;

    /// <summary><c>vcenter_datastores</c>.</summary>
    public static TableSchema Datastores => SyncedTables.Datastores.Table;

    /// <summary><c>vcenter_datastore_hosts</c>.</summary>
    public static TableSchema DatastoreHosts => SyncedTables.DatastoreHosts.Table;

    /// <summary><c>vcenter_networks</c>.</summary>
    public static TableSchema Networks => SyncedTables.Networks.Table;

    /// <summary><c>vcenter_alarms</c>.</summary>
    public static TableSchema Alarms => SyncedTables.Alarms.Table;

    /// <summary><c>vcenter_vm_nics</c>: virtual NICs of the VMs.</summary>
    public static TableSchema VmNics => SyncedTables.VmNics.Table;

    /// <summary><c>vcenter_vm_disks</c>: virtual disks of the VMs.</summary>
    public static TableSchema VmDisks => SyncedTables.VmDisks.Table;

    /// <summary><c>vcenter_vm_partitions</c>: guest file systems of the VMs.</summary>
    public static TableSchema VmPartitions => SyncedTables.VmPartitions.Table;

    /// <summary><c>vcenter_vm_snapshots</c>: snapshots of the VMs.</summary>
    public static TableSchema VmSnapshots => SyncedTables.VmSnapshots.Table;

    /// <summary><c>vcenter_host_portgroups</c>: standard-switch portgroups of the hosts.</summary>
    public static TableSchema HostPortgroups => SyncedTables.HostPortgroups.Table;

    /// <summary><c>servers</c>: the Dell side.</summary>
    public static TableSchema Servers { get; } = new(
        "servers",
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("service_tag", ColumnKind.Text, IsNullable: false),
            new("hostname", ColumnKind.Text),
            new("model", ColumnKind.Text),
            new("idrac_ip", ColumnKind.Text),
            new("vcenter_host_id", ColumnKind.Uuid),
            new("linked_at", ColumnKind.Timestamp),
        ],
        null,
        ["service_tag"]);

    /// <summary><c>jobs</c>.</summary>
    public static TableSchema Jobs { get; } = new(
        "jobs",
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("job_type", ColumnKind.Text, IsNullable: false),
            new("status", ColumnKind.Text, IsNullable: false),
            new("target_vcenter_id", ColumnKind.Uuid),
            new("created_at", ColumnKind.Timestamp, IsNullable: false),
            new("started_at", ColumnKind.Timestamp),
            new("completed_at", ColumnKind.Timestamp),
            new("worker_id", ColumnKind.Text),
            new("heartbeat_at", ColumnKind.Timestamp),
            new("cancel_requested", ColumnKind.Boolean, IsNullable: false),
            new("result", ColumnKind.Json),
            new("error", ColumnKind.Text),
        ],
        "target_vcenter_id",
        ["created_at", "id"]);

    /// <summary><c>job_tasks</c>.</summary>
    public static TableSchema JobTasks { get; } = new(
        "job_tasks",
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("job_id", ColumnKind.Uuid, IsNullable: false),
            new("name", ColumnKind.Text, IsNullable: false),
            new("label", ColumnKind.Text),
            new("status", ColumnKind.Text, IsNullable: false),
            new("progress", ColumnKind.Integer, IsNullable: false),
            new("message", ColumnKind.Text),
            new("started_at", ColumnKind.Timestamp),
            new("completed_at", ColumnKind.Timestamp),
        ],
        null,
        ["job_id", "name", "id"]);

    /// <summary><c>idrac_commands</c>: the activity log.</summary>
    public static TableSchema IdracCommands { get; } = new(
        "idrac_commands",
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("job_id", ColumnKind.Uuid),
            new("server_id", ColumnKind.Uuid),
            new("operation_type", ColumnKind.Text, IsNullable: false),
            new("operation", ColumnKind.Text, IsNullable: false),
            new("endpoint", ColumnKind.Text),
            new("success", ColumnKind.Boolean, IsNullable: false),
            new("response_time_ms", ColumnKind.Integer),
            new("details", ColumnKind.Json),
            new("error_message", ColumnKind.Text),
            new("created_at", ColumnKind.Timestamp, IsNullable: false),
        ],
        null,
        ["created_at", "id"]);

    /// <summary><c>inventory_changes</c>: the change history, one row per created or deleted object and per changed column.</summary>
    public static TableSchema InventoryChanges { get; } = new(
        "inventory_changes",
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("source_vcenter_id", ColumnKind.Uuid, IsNullable: false),
            new("object_type", ColumnKind.Text, IsNullable: false),
            new("moref", ColumnKind.Text, IsNullable: false),
            new("object_name", ColumnKind.Text),
            new("change_kind", ColumnKind.Text, IsNullable: false),
            new("column_name", ColumnKind.Text),
            new("old_value", ColumnKind.Text),
            new("new_value", ColumnKind.Text),
            new("changed_at", ColumnKind.Timestamp, IsNullable: false),
            new("source", ColumnKind.Text, IsNullable: false),
        ],
        "source_vcenter_id",
        ["changed_at", "object_type", "moref", "change_kind", "column_name", "id"]);

    /// <summary><c>vcenter_watchers</c>: the watcher of each watched vCenter, its owner and how current it is.</summary>
    public static TableSchema VCenterWatchers { get; } = new(
        "vcenter_watchers",
        [
            new("vcenter_id", ColumnKind.Uuid, IsNullable: false),
            new("worker_id", ColumnKind.Text, IsNullable: false),
            new("status", ColumnKind.Text, IsNullable: false),
            new("started_at", ColumnKind.Timestamp, IsNullable: false),
            new("heartbeat_at", ColumnKind.Timestamp, IsNullable: false),
            new("last_update_at", ColumnKind.Timestamp),
            new("last_version", ColumnKind.Text),
            new("updates_applied", ColumnKind.BigInteger, IsNullable: false),
            new("changes_applied", ColumnKind.BigInteger, IsNullable: false),
            new("lag_ms", ColumnKind.Integer),
            new("last_error", ColumnKind.Text),
        ],
        "vcenter_id",
        ["vcenter_id"]);

    /// <summary>Every contract table, parents before children.</summary>
    public static IReadOnlyList<TableSchema> Tables { get; } =
    [
        VCenters, Clusters, Hosts, Vms, Datastores, DatastoreHosts, Networks, Alarms, Servers, Jobs, JobTasks, IdracCommands,
        InventoryChanges, VCenterWatchers, VmNics, VmDisks, VmPartitions, VmSnapshots, HostPortgroups,
    ];

    /// <summary>The contract table with this name.</summary>
    /// <exception cref="ArgumentException">No contract table has this name.</exception>
    public static TableSchema Get(string name) =>
        Tables.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"'{name}' is not a table of the inventory schema contract.", nameof(name));
}
