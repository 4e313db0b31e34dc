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
        ["name", "moref"],
        laterColumns:
        [
            Text<ClusterRecord>("datacenter", r => r.Datacenter),
            Text<ClusterRecord>("folder_path", r => r.FolderPath),
        ]);

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
        ["name", "moref"],
        laterColumns:
        [
            Text<HostRecord>("datacenter", r => r.Datacenter),
            Text<HostRecord>("folder_path", r => r.FolderPath),
            Text<HostRecord>("vendor", r => r.Vendor),
            Text<HostRecord>("model", r => r.Model),
            Text<HostRecord>("cpu_model", r => r.CpuModel),
            new(new("cpu_sockets", ColumnKind.Integer), r => r.CpuSockets),
            new(new("cpu_cores", ColumnKind.Integer), r => r.CpuCores),
            new(new("cpu_threads", ColumnKind.Integer), r => r.CpuThreads),
            new(new("cpu_mhz", ColumnKind.Integer), r => r.CpuMhz),
            new(new("memory_bytes", ColumnKind.BigInteger), r => r.MemoryBytes),
            new(new("nic_count", ColumnKind.Integer), r => r.NicCount),
            new(new("hba_count", ColumnKind.Integer), r => r.HbaCount),
            Text<HostRecord>("bios_vendor", r => r.BiosVendor),
            Text<HostRecord>("bios_version", r => r.BiosVersion),
            new(new("bios_date", ColumnKind.Timestamp), r => r.BiosDate),
            new(new("boot_time", ColumnKind.Timestamp), r => r.BootTime),
        ]);

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
        ["name", "moref"],
        laterColumns:
        [
            Text<VmRecord>("datacenter", r => r.Datacenter),
            Text<VmRecord>("folder_path", r => r.FolderPath),
            Text<VmRecord>("resource_pool", r => r.ResourcePool),
            Text<VmRecord>("annotation", r => r.Annotation),
            Text<VmRecord>("hardware_version", r => r.HardwareVersion),
            Text<VmRecord>("firmware", r => r.Firmware),
            new(new("secure_boot", ColumnKind.Boolean), r => r.SecureBoot),
            new(new("creation_date", ColumnKind.Timestamp), r => r.CreationDate),
            Text<VmRecord>("connection_state", r => r.ConnectionState),
            new(new("boot_time", ColumnKind.Timestamp), r => r.BootTime),
            Text<VmRecord>("guest_hostname", r => r.GuestHostname),
            Text<VmRecord>("guest_state", r => r.GuestState),
            Text<VmRecord>("config_guest_id", r => r.ConfigGuestId),
            Text<VmRecord>("tools_guest_id", r => r.ToolsGuestId),
            Text<VmRecord>("tools_guest_os", r => r.ToolsGuestOs),
            Text<VmRecord>("tools_version", r => r.ToolsVersion),
            Text<VmRecord>("tools_running_status", r => r.ToolsRunningStatus),
            Text<VmRecord>("ip_addresses", r => r.IpAddresses),
            new(new("cores_per_socket", ColumnKind.Integer), r => r.CoresPerSocket),
            new(new("disk_capacity_bytes", ColumnKind.BigInteger), r => r.DiskCapacityBytes),
            new(new("disk_committed_bytes", ColumnKind.BigInteger), r => r.DiskCommittedBytes),
            new(new("disk_unshared_bytes", ColumnKind.BigInteger), r => r.DiskUnsharedBytes),
            new(new("disk_provisioned_bytes", ColumnKind.BigInteger), r => r.DiskProvisionedBytes),
            new(new("cpu_reservation_mhz", ColumnKind.BigInteger), r => r.CpuReservationMhz),
            new(new("cpu_limit_mhz", ColumnKind.BigInteger), r => r.CpuLimitMhz),
            new(new("cpu_shares", ColumnKind.Integer), r => r.CpuShares),
            Text<VmRecord>("cpu_shares_level", r => r.CpuSharesLevel),
            new(new("memory_reservation_mb", ColumnKind.BigInteger), r => r.MemoryReservationMb),
            new(new("memory_limit_mb", ColumnKind.BigInteger), r => r.MemoryLimitMb),
            new(new("memory_shares", ColumnKind.Integer), r => r.MemoryShares),
            Text<VmRecord>("memory_shares_level", r => r.MemorySharesLevel),
            new(new("nic_count", ColumnKind.Integer), r => r.NicCount),
            new(new("disk_count", ColumnKind.Integer), r => r.DiskCount),
            new(new("snapshot_count", ColumnKind.Integer), r => r.SnapshotCount),
            Text<VmRecord>("custom_attributes", r => r.CustomAttributes),
        ]);

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
        ["name", "moref"],
        laterColumns:
        [
            Text<DatastoreRecord>("datacenter", r => r.Datacenter),
            Text<DatastoreRecord>("folder_path", r => r.FolderPath),
            Text<DatastoreRecord>("url", r => r.Url),
            new(new("uncommitted_bytes", ColumnKind.BigInteger), r => r.UncommittedBytes),
            new(new("provisioned_bytes", ColumnKind.BigInteger), r => r.ProvisionedBytes),
            Text<DatastoreRecord>("datastore_cluster", r => r.DatastoreCluster),
        ]);

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
        ["name", "moref"],
        laterColumns:
        [
            Text<NetworkRecord>("datacenter", r => r.Datacenter),
            Text<NetworkRecord>("folder_path", r => r.FolderPath),
        ]);

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

    /// <summary><c>vcenter_vm_nics</c>: one row per virtual NIC of a VM (config.hardware.device entries that are VirtualEthernetCards); no surrogate key, a repeated key is one row.</summary>
    public static SyncedTable<VmNicRecord> VmNics { get; } = new(
        "vcenter_vm_nics",
        s => s.VmNics,
        [
            Text<VmNicRecord>("vm_moref", r => r.VmMoref, nullable: false),
            new(new("device_key", ColumnKind.Integer, IsNullable: false), r => r.DeviceKey),
        ],
        [
            Text<VmNicRecord>("label", r => r.Label),
            Text<VmNicRecord>("adapter_type", r => r.AdapterType),
            Text<VmNicRecord>("mac_address", r => r.MacAddress),
            new(new("connected", ColumnKind.Boolean), r => r.Connected),
            new(new("start_connected", ColumnKind.Boolean), r => r.StartConnected),
            Text<VmNicRecord>("network_moref", r => r.NetworkMoref),
            Text<VmNicRecord>("network_name", r => r.NetworkName),
            Text<VmNicRecord>("network_type", r => r.NetworkType),
            Text<VmNicRecord>("switch_name", r => r.SwitchName),
            Text<VmNicRecord>("ip_addresses", r => r.IpAddresses),
        ],
        [],
        ["vm_moref", "device_key"],
        hasIdentity: false,
        collapseDuplicates: true);

    /// <summary><c>vcenter_vm_disks</c>: one row per virtual disk of a VM (config.hardware.device entries that are VirtualDisks); no surrogate key, a repeated key is one row.</summary>
    public static SyncedTable<VmDiskRecord> VmDisks { get; } = new(
        "vcenter_vm_disks",
        s => s.VmDisks,
        [
            Text<VmDiskRecord>("vm_moref", r => r.VmMoref, nullable: false),
            new(new("device_key", ColumnKind.Integer, IsNullable: false), r => r.DeviceKey),
        ],
        [
            Text<VmDiskRecord>("label", r => r.Label),
            new(new("capacity_bytes", ColumnKind.BigInteger), r => r.CapacityBytes),
            Text<VmDiskRecord>("datastore_moref", r => r.DatastoreMoref),
            Text<VmDiskRecord>("datastore_name", r => r.DatastoreName),
            Text<VmDiskRecord>("file_name", r => r.FileName),
            Text<VmDiskRecord>("disk_uuid", r => r.DiskUuid),
            new(new("thin_provisioned", ColumnKind.Boolean), r => r.ThinProvisioned),
            new(new("eagerly_scrub", ColumnKind.Boolean), r => r.EagerlyScrub),
            Text<VmDiskRecord>("disk_mode", r => r.DiskMode),
            Text<VmDiskRecord>("sharing", r => r.Sharing),
            new(new("controller_key", ColumnKind.Integer), r => r.ControllerKey),
            Text<VmDiskRecord>("controller_label", r => r.ControllerLabel),
            Text<VmDiskRecord>("controller_type", r => r.ControllerType),
            new(new("unit_number", ColumnKind.Integer), r => r.UnitNumber),
        ],
        [],
        ["vm_moref", "device_key"],
        hasIdentity: false,
        collapseDuplicates: true);

    /// <summary><c>vcenter_vm_partitions</c>: one row per guest file system of a VM (guest.disk); no surrogate key, a repeated key is one row.</summary>
    public static SyncedTable<VmPartitionRecord> VmPartitions { get; } = new(
        "vcenter_vm_partitions",
        s => s.VmPartitions,
        [
            Text<VmPartitionRecord>("vm_moref", r => r.VmMoref, nullable: false),
            Text<VmPartitionRecord>("disk_path", r => r.DiskPath, nullable: false),
        ],
        [
            new(new("capacity_bytes", ColumnKind.BigInteger), r => r.CapacityBytes),
            new(new("free_bytes", ColumnKind.BigInteger), r => r.FreeBytes),
            Text<VmPartitionRecord>("filesystem_type", r => r.FilesystemType),
        ],
        [],
        ["vm_moref", "disk_path"],
        hasIdentity: false,
        collapseDuplicates: true);

    /// <summary><c>vcenter_vm_snapshots</c>: one row per snapshot of a VM, the tree (snapshot.rootSnapshotList) flattened; no surrogate key, a repeated key is one row.</summary>
    public static SyncedTable<VmSnapshotRecord> VmSnapshots { get; } = new(
        "vcenter_vm_snapshots",
        s => s.VmSnapshots,
        [
            Text<VmSnapshotRecord>("vm_moref", r => r.VmMoref, nullable: false),
            Text<VmSnapshotRecord>("snapshot_moref", r => r.SnapshotMoref, nullable: false),
        ],
        [
            Text<VmSnapshotRecord>("name", r => r.Name),
            Text<VmSnapshotRecord>("description", r => r.Description),
            new(new("snapshot_id", ColumnKind.Integer), r => r.SnapshotId),
            new(new("created_at", ColumnKind.Timestamp), r => r.CreatedAt),
            Text<VmSnapshotRecord>("state", r => r.State),
            new(new("quiesced", ColumnKind.Boolean), r => r.Quiesced),
            Text<VmSnapshotRecord>("parent_snapshot_moref", r => r.ParentSnapshotMoref),
            new(new("is_current", ColumnKind.Boolean), r => r.IsCurrent),
            new(new("depth", ColumnKind.Integer), r => r.Depth),
        ],
        [],
        ["vm_moref", "snapshot_moref"],
        hasIdentity: false,
        collapseDuplicates: true);

    /// <summary><c>vcenter_host_portgroups</c>: one row per standard-switch portgroup of a host (config.network.portgroup); no surrogate key, a repeated key is one row.</summary>
    public static SyncedTable<HostPortgroupRecord> HostPortgroups { get; } = new(
        "vcenter_host_portgroups",
        s => s.HostPortgroups,
        [
            Text<HostPortgroupRecord>("host_moref", r => r.HostMoref, nullable: false),
            Text<HostPortgroupRecord>("portgroup_name", r => r.PortgroupName, nullable: false),
        ],
        [
            Text<HostPortgroupRecord>("vswitch_name", r => r.VswitchName),
            new(new("vlan_id", ColumnKind.Integer), r => r.VlanId),
        ],
        [],
        ["host_moref", "portgroup_name"],
        hasIdentity: false,
        collapseDuplicates: true);

    /// <summary>Every synced table, in the order the watcher writes them.</summary>
    public static IReadOnlyList<ISyncedTable> All { get; } = [Clusters, Hosts, Vms, Datastores, DatastoreHosts, Networks, Alarms, VmNics, VmDisks, VmPartitions, VmSnapshots, HostPortgroups];

    /// <summary>The tables a full sync writes whole before the VMs: every object but the VMs, and what hangs off them.</summary>
    public static IReadOnlyList<ISyncedTable> BeforeVms { get; } = [Clusters, Hosts, Datastores, DatastoreHosts, Networks, HostPortgroups];

    /// <summary>
    /// The VMs and their child rows, which a full sync writes page by page (their first key column is the VM's moref), in
    /// this order.
    /// </summary>
    public static IReadOnlyList<ISyncedTable> VmPages { get; } = [Vms, VmNics, VmDisks, VmPartitions, VmSnapshots];

    /// <summary>The tables a full sync writes whole after the VMs: the triggered alarms, which name the VMs they are on.</summary>
    public static IReadOnlyList<ISyncedTable> AfterVms { get; } = [Alarms];

    private static SyncedColumn<TRecord> Text<TRecord>(string name, Func<TRecord, string?> read, bool nullable = true) =>
        new(new(name, ColumnKind.Text, nullable), read);
}
