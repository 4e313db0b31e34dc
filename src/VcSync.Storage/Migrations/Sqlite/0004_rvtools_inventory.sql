-- RVTools-class inventory (issue 10): more columns on the inventory tables, every table's datacenter and
-- folder path, and per-VM / per-host child tables. Child tables have no surrogate key: a row is identified by
-- (source_vcenter_id, its key columns) and is rewritten, kept or deleted by the sync like its parent.

ALTER TABLE vcenter_clusters ADD COLUMN datacenter TEXT;
ALTER TABLE vcenter_clusters ADD COLUMN folder_path TEXT;

ALTER TABLE vcenter_hosts ADD COLUMN datacenter TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN folder_path TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN vendor TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN model TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_model TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_sockets INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_cores INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_threads INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN cpu_mhz INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN memory_bytes INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN nic_count INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN hba_count INTEGER;
ALTER TABLE vcenter_hosts ADD COLUMN bios_vendor TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN bios_version TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN bios_date TEXT;
ALTER TABLE vcenter_hosts ADD COLUMN boot_time TEXT;

ALTER TABLE vcenter_vms ADD COLUMN datacenter TEXT;
ALTER TABLE vcenter_vms ADD COLUMN folder_path TEXT;
ALTER TABLE vcenter_vms ADD COLUMN resource_pool TEXT;
ALTER TABLE vcenter_vms ADD COLUMN annotation TEXT;
ALTER TABLE vcenter_vms ADD COLUMN hardware_version TEXT;
ALTER TABLE vcenter_vms ADD COLUMN firmware TEXT;
ALTER TABLE vcenter_vms ADD COLUMN secure_boot INTEGER CHECK (secure_boot IN (0, 1));
ALTER TABLE vcenter_vms ADD COLUMN creation_date TEXT;
ALTER TABLE vcenter_vms ADD COLUMN connection_state TEXT;
ALTER TABLE vcenter_vms ADD COLUMN boot_time TEXT;
ALTER TABLE vcenter_vms ADD COLUMN guest_hostname TEXT;
ALTER TABLE vcenter_vms ADD COLUMN guest_state TEXT;
ALTER TABLE vcenter_vms ADD COLUMN config_guest_id TEXT;
ALTER TABLE vcenter_vms ADD COLUMN tools_guest_id TEXT;
ALTER TABLE vcenter_vms ADD COLUMN tools_guest_os TEXT;
ALTER TABLE vcenter_vms ADD COLUMN tools_version TEXT;
ALTER TABLE vcenter_vms ADD COLUMN tools_running_status TEXT;
ALTER TABLE vcenter_vms ADD COLUMN ip_addresses TEXT;
ALTER TABLE vcenter_vms ADD COLUMN cores_per_socket INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN disk_capacity_bytes INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN disk_committed_bytes INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN disk_unshared_bytes INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN disk_provisioned_bytes INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN cpu_reservation_mhz INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN cpu_limit_mhz INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN cpu_shares INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN cpu_shares_level TEXT;
ALTER TABLE vcenter_vms ADD COLUMN memory_reservation_mb INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN memory_limit_mb INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN memory_shares INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN memory_shares_level TEXT;
ALTER TABLE vcenter_vms ADD COLUMN nic_count INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN disk_count INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN snapshot_count INTEGER;
ALTER TABLE vcenter_vms ADD COLUMN custom_attributes TEXT;

ALTER TABLE vcenter_datastores ADD COLUMN datacenter TEXT;
ALTER TABLE vcenter_datastores ADD COLUMN folder_path TEXT;
ALTER TABLE vcenter_datastores ADD COLUMN url TEXT;
ALTER TABLE vcenter_datastores ADD COLUMN uncommitted_bytes INTEGER;
ALTER TABLE vcenter_datastores ADD COLUMN provisioned_bytes INTEGER;
ALTER TABLE vcenter_datastores ADD COLUMN datastore_cluster TEXT;

ALTER TABLE vcenter_networks ADD COLUMN datacenter TEXT;
ALTER TABLE vcenter_networks ADD COLUMN folder_path TEXT;

-- One row per virtual NIC of a VM (config.hardware.device entries that are VirtualEthernetCards).
CREATE TABLE vcenter_vm_nics (
    source_vcenter_id TEXT NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref          TEXT NOT NULL,
    device_key        INTEGER NOT NULL,
    label             TEXT,
    adapter_type      TEXT,
    mac_address       TEXT,
    connected         INTEGER CHECK (connected IN (0, 1)),
    start_connected   INTEGER CHECK (start_connected IN (0, 1)),
    network_moref     TEXT,
    network_name      TEXT,
    network_type      TEXT,
    switch_name       TEXT,
    ip_addresses      TEXT,
    PRIMARY KEY (source_vcenter_id, vm_moref, device_key)
);

-- One row per virtual disk of a VM (config.hardware.device entries that are VirtualDisks).
CREATE TABLE vcenter_vm_disks (
    source_vcenter_id TEXT NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref          TEXT NOT NULL,
    device_key        INTEGER NOT NULL,
    label             TEXT,
    capacity_bytes    INTEGER,
    datastore_moref   TEXT,
    datastore_name    TEXT,
    file_name         TEXT,
    disk_uuid         TEXT,
    thin_provisioned  INTEGER CHECK (thin_provisioned IN (0, 1)),
    eagerly_scrub     INTEGER CHECK (eagerly_scrub IN (0, 1)),
    disk_mode         TEXT,
    sharing           TEXT,
    controller_key    INTEGER,
    controller_label  TEXT,
    controller_type   TEXT,
    unit_number       INTEGER,
    PRIMARY KEY (source_vcenter_id, vm_moref, device_key)
);

-- One row per guest file system of a VM (guest.disk).
CREATE TABLE vcenter_vm_partitions (
    source_vcenter_id TEXT NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref          TEXT NOT NULL,
    disk_path         TEXT NOT NULL,
    capacity_bytes    INTEGER,
    free_bytes        INTEGER,
    filesystem_type   TEXT,
    PRIMARY KEY (source_vcenter_id, vm_moref, disk_path)
);

-- One row per snapshot of a VM, the tree (snapshot.rootSnapshotList) flattened.
CREATE TABLE vcenter_vm_snapshots (
    source_vcenter_id     TEXT NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    vm_moref              TEXT NOT NULL,
    snapshot_moref        TEXT NOT NULL,
    name                  TEXT,
    description           TEXT,
    snapshot_id           INTEGER,
    created_at            TEXT,
    state                 TEXT,
    quiesced              INTEGER CHECK (quiesced IN (0, 1)),
    parent_snapshot_moref TEXT,
    is_current            INTEGER CHECK (is_current IN (0, 1)),
    depth                 INTEGER,
    PRIMARY KEY (source_vcenter_id, vm_moref, snapshot_moref)
);

-- One row per standard-switch portgroup of a host (config.network.portgroup).
CREATE TABLE vcenter_host_portgroups (
    source_vcenter_id TEXT NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    host_moref        TEXT NOT NULL,
    portgroup_name    TEXT NOT NULL,
    vswitch_name      TEXT,
    vlan_id           INTEGER,
    PRIMARY KEY (source_vcenter_id, host_moref, portgroup_name)
);
