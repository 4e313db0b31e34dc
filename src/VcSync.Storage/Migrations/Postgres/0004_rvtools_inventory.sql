-- RVTools-class inventory (issue 10): more columns on the inventory tables, every table's datacenter and
-- folder path, and per-VM / per-host child tables. Child tables have no surrogate key: a row is identified by
-- (source_vcenter_id, its key columns) and is rewritten, kept or deleted by the sync like its parent.

ALTER TABLE vcenter_clusters ADD COLUMN datacenter text;
ALTER TABLE vcenter_clusters ADD COLUMN folder_path text;

ALTER TABLE vcenter_hosts ADD COLUMN datacenter text;
ALTER TABLE vcenter_hosts ADD COLUMN folder_path text;
ALTER TABLE vcenter_hosts ADD COLUMN vendor text;
ALTER TABLE vcenter_hosts ADD COLUMN model text;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_model text;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_sockets integer;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_cores integer;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_threads integer;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_mhz integer;
ALTER TABLE vcenter_hosts ADD COLUMN memory_bytes bigint;
ALTER TABLE vcenter_hosts ADD COLUMN nic_count integer;
ALTER TABLE vcenter_hosts ADD COLUMN hba_count integer;
ALTER TABLE vcenter_hosts ADD COLUMN bios_vendor text;
ALTER TABLE vcenter_hosts ADD COLUMN bios_version text;
ALTER TABLE vcenter_hosts ADD COLUMN bios_date timestamptz;
ALTER TABLE vcenter_hosts ADD COLUMN boot_time timestamptz;

ALTER TABLE vcenter_vms ADD COLUMN datacenter text;
ALTER TABLE vcenter_vms ADD COLUMN folder_path text;
ALTER TABLE vcenter_vms ADD COLUMN resource_pool text;
ALTER TABLE vcenter_vms ADD COLUMN annotation text;
ALTER TABLE vcenter_vms ADD COLUMN hardware_version text;
ALTER TABLE vcenter_vms ADD COLUMN firmware text;
ALTER TABLE vcenter_vms ADD COLUMN secure_boot boolean;
ALTER TABLE vcenter_vms ADD COLUMN creation_date timestamptz;
ALTER TABLE vcenter_vms ADD COLUMN connection_state text;
ALTER TABLE vcenter_vms ADD COLUMN boot_time timestamptz;
ALTER TABLE vcenter_vms ADD COLUMN guest_hostname text;
ALTER TABLE vcenter_vms ADD COLUMN guest_state text;
ALTER TABLE vcenter_vms ADD COLUMN config_guest_id text;
ALTER TABLE vcenter_vms ADD COLUMN tools_guest_id text;
ALTER TABLE vcenter_vms ADD COLUMN tools_guest_os text;
ALTER TABLE vcenter_vms ADD COLUMN tools_version text;
ALTER TABLE vcenter_vms ADD COLUMN tools_running_status text;
ALTER TABLE vcenter_vms ADD COLUMN ip_addresses text;
ALTER TABLE vcenter_vms ADD COLUMN cores_per_socket integer;
ALTER TABLE vcenter_vms ADD COLUMN disk_capacity_bytes bigint;
ALTER TABLE vcenter_vms ADD COLUMN disk_committed_bytes bigint;
ALTER TABLE vcenter_vms ADD COLUMN disk_unshared_bytes bigint;
ALTER TABLE vcenter_vms ADD COLUMN disk_provisioned_bytes bigint;
ALTER TABLE vcenter_vms ADD COLUMN cpu_reservation_mhz bigint;
ALTER TABLE vcenter_vms ADD COLUMN cpu_limit_mhz bigint;
ALTER TABLE vcenter_vms ADD COLUMN cpu_shares integer;
ALTER TABLE vcenter_vms ADD COLUMN cpu_shares_level text;
ALTER TABLE vcenter_vms ADD COLUMN memory_reservation_mb bigint;
ALTER TABLE vcenter_vms ADD COLUMN memory_limit_mb bigint;
ALTER TABLE vcenter_vms ADD COLUMN memory_shares integer;
ALTER TABLE vcenter_vms ADD COLUMN memory_shares_level text;
ALTER TABLE vcenter_vms ADD COLUMN nic_count integer;
ALTER TABLE vcenter_vms ADD COLUMN disk_count integer;
ALTER TABLE vcenter_vms ADD COLUMN snapshot_count integer;
ALTER TABLE vcenter_vms ADD COLUMN custom_attributes text;

ALTER TABLE vcenter_datastores ADD COLUMN datacenter text;
ALTER TABLE vcenter_datastores ADD COLUMN folder_path text;
ALTER TABLE vcenter_datastores ADD COLUMN url text;
ALTER TABLE vcenter_datastores ADD COLUMN uncommitted_bytes bigint;
ALTER TABLE vcenter_datastores ADD COLUMN provisioned_bytes bigint;
ALTER TABLE vcenter_datastores ADD COLUMN datastore_cluster text;

ALTER TABLE vcenter_networks ADD COLUMN datacenter text;
ALTER TABLE vcenter_networks ADD COLUMN folder_path text;

-- One row per virtual NIC of a VM (config.hardware.device entries that are VirtualEthernetCards).
CREATE TABLE vcenter_vm_nics (
    source_vcenter_id uuid NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref          text NOT NULL,
    device_key        integer NOT NULL,
    label             text,
    adapter_type      text,
    mac_address       text,
    connected         boolean,
    start_connected   boolean,
    network_moref     text,
    network_name      text,
    network_type      text,
    switch_name       text,
    ip_addresses      text,
    PRIMARY KEY (source_vcenter_id, vm_moref, device_key)
);

-- One row per virtual disk of a VM (config.hardware.device entries that are VirtualDisks).
CREATE TABLE vcenter_vm_disks (
    source_vcenter_id uuid NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref          text NOT NULL,
    device_key        integer NOT NULL,
    label             text,
    capacity_bytes    bigint,
    datastore_moref   text,
    datastore_name    text,
    file_name         text,
    disk_uuid         text,
    thin_provisioned  boolean,
    eagerly_scrub     boolean,
    disk_mode         text,
    sharing           text,
    controller_key    integer,
    controller_label  text,
    controller_type   text,
    unit_number       integer,
    PRIMARY KEY (source_vcenter_id, vm_moref, device_key)
);

-- One row per guest file system of a VM (guest.disk).
CREATE TABLE vcenter_vm_partitions (
    source_vcenter_id uuid NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref          text NOT NULL,
    disk_path         text NOT NULL,
    capacity_bytes    bigint,
    free_bytes        bigint,
    filesystem_type   text,
    PRIMARY KEY (source_vcenter_id, vm_moref, disk_path)
);

-- One row per snapshot of a VM, the tree (snapshot.rootSnapshotList) flattened.
CREATE TABLE vcenter_vm_snapshots (
    source_vcenter_id     uuid NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref              text NOT NULL,
    snapshot_moref        text NOT NULL,
    name                  text,
    description           text,
    snapshot_id           integer,
    created_at            timestamptz,
    state                 text,
    quiesced              boolean,
    parent_snapshot_moref text,
    is_current            boolean,
    depth                 integer,
    PRIMARY KEY (source_vcenter_id, vm_moref, snapshot_moref)
);

-- One row per standard-switch portgroup of a host (config.network.portgroup).
CREATE TABLE vcenter_host_portgroups (
    source_vcenter_id uuid NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    host_moref        text NOT NULL,
    portgroup_name    text NOT NULL,
    vswitch_name      text,
    vlan_id           integer,
    PRIMARY KEY (source_vcenter_id, host_moref, portgroup_name)
);
