-- The inventory schema contract, SQLite dialect: UUIDs as TEXT, booleans as INTEGER 0/1, timestamps as TEXT
-- ISO-8601 UTC ('2026-11-26T03:42:18.938Z'), JSON as TEXT. Columns are listed in contract order; the store's
-- Schema/ classes carry the same lists and a test keeps the two equal.

CREATE TABLE vcenters (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL UNIQUE,
    url              TEXT    NOT NULL UNIQUE,
    username         TEXT    NOT NULL,
    tls_thumbprint   TEXT,
    tls_insecure     INTEGER NOT NULL DEFAULT 0 CHECK (tls_insecure IN (0, 1)),
    enabled          INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    instance_uuid    TEXT,
    api_version      TEXT,
    last_sync_at     TEXT,
    last_sync_status TEXT    CHECK (last_sync_status IN ('completed', 'failed', 'cancelled')),
    last_sync_error  TEXT
);

CREATE TABLE vcenter_clusters (
    id                  TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id   TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref               TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    total_cpu_mhz       INTEGER,
    effective_cpu_mhz   INTEGER,
    total_memory_bytes  INTEGER,
    effective_memory_mb INTEGER,
    num_hosts           INTEGER,
    num_effective_hosts INTEGER,
    overall_status      TEXT,
    ha_enabled          INTEGER CHECK (ha_enabled IN (0, 1)),
    drs_enabled         INTEGER CHECK (drs_enabled IN (0, 1)),
    drs_behavior        TEXT,
    first_seen_at       TEXT    NOT NULL,
    last_sync_at        TEXT    NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);

CREATE TABLE vcenter_hosts (
    id                  TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id   TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref               TEXT    NOT NULL,
    name                TEXT    NOT NULL,
    cluster_moref       TEXT,
    cluster_name        TEXT,
    serial_number       TEXT,
    esxi_version        TEXT,
    esxi_build          TEXT,
    connection_state    TEXT,
    in_maintenance_mode INTEGER CHECK (in_maintenance_mode IN (0, 1)),
    -- SQLite resolves the reference when it is used, so servers can come after this table.
    server_id           TEXT    REFERENCES servers (id) ON DELETE SET NULL,
    first_seen_at       TEXT    NOT NULL,
    last_sync_at        TEXT    NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);
-- Linking looks hosts up by serial number, and servers' hosts by server_id.
CREATE INDEX ix_vcenter_hosts_serial_number ON vcenter_hosts (serial_number);
CREATE INDEX ix_vcenter_hosts_server_id ON vcenter_hosts (server_id);

CREATE TABLE vcenter_vms (
    id                     TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id      TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref                  TEXT    NOT NULL,
    name                   TEXT    NOT NULL,
    vm_uuid                TEXT,
    cpu_count              INTEGER,
    memory_mb              INTEGER,
    is_template            INTEGER CHECK (is_template IN (0, 1)),
    power_state            TEXT,
    host_moref             TEXT,
    host_name              TEXT,
    cluster_name           TEXT,
    ip_address             TEXT,
    tools_status           TEXT,
    tools_version_status   TEXT,
    guest_os               TEXT,
    disk_uncommitted_bytes INTEGER,
    first_seen_at          TEXT    NOT NULL,
    last_sync_at           TEXT    NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);
-- VMs are looked up by name (CLI listings, reports).
CREATE INDEX ix_vcenter_vms_name ON vcenter_vms (name);

CREATE TABLE vcenter_datastores (
    id                TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref             TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    type              TEXT,
    capacity_bytes    INTEGER,
    free_bytes        INTEGER,
    accessible        INTEGER CHECK (accessible IN (0, 1)),
    maintenance_mode  TEXT,
    host_count        INTEGER NOT NULL,
    vm_count          INTEGER NOT NULL,
    first_seen_at     TEXT    NOT NULL,
    last_sync_at      TEXT    NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);

CREATE TABLE vcenter_datastore_hosts (
    source_vcenter_id TEXT NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    datastore_moref   TEXT NOT NULL,
    host_moref        TEXT NOT NULL,
    PRIMARY KEY (source_vcenter_id, datastore_moref, host_moref)
);
CREATE INDEX ix_vcenter_datastore_hosts_host ON vcenter_datastore_hosts (source_vcenter_id, host_moref);

CREATE TABLE vcenter_networks (
    id                TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref             TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    network_type      TEXT    NOT NULL CHECK (network_type IN ('standard', 'distributed', 'opaque')),
    dvs_moref         TEXT,
    dvs_name          TEXT,
    is_uplink         INTEGER NOT NULL CHECK (is_uplink IN (0, 1)),
    vlan_type         TEXT    CHECK (vlan_type IN ('none', 'vlan', 'trunk', 'pvlan')),
    vlan_id           INTEGER,
    vlan_ranges       TEXT,
    host_count        INTEGER NOT NULL,
    vm_count          INTEGER NOT NULL,
    first_seen_at     TEXT    NOT NULL,
    last_sync_at      TEXT    NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);

CREATE TABLE vcenter_alarms (
    id                TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    alarm_key         TEXT    NOT NULL,
    entity_moref      TEXT    NOT NULL,
    entity_type       TEXT    NOT NULL,
    entity_name       TEXT,
    alarm_moref       TEXT    NOT NULL,
    alarm_name        TEXT,
    overall_status    TEXT,
    triggered_at      TEXT,
    acknowledged      INTEGER NOT NULL CHECK (acknowledged IN (0, 1)),
    acknowledged_by   TEXT,
    acknowledged_at   TEXT,
    first_seen_at     TEXT    NOT NULL,
    last_sync_at      TEXT    NOT NULL,
    UNIQUE (source_vcenter_id, alarm_key)
);
CREATE INDEX ix_vcenter_alarms_entity ON vcenter_alarms (source_vcenter_id, entity_moref);

CREATE TABLE servers (
    id              TEXT NOT NULL PRIMARY KEY,
    service_tag     TEXT NOT NULL UNIQUE,
    hostname        TEXT,
    model           TEXT,
    idrac_ip        TEXT,
    -- A link whose host disappears is cleared.
    vcenter_host_id TEXT REFERENCES vcenter_hosts (id) ON DELETE SET NULL,
    linked_at       TEXT
);
CREATE INDEX ix_servers_vcenter_host_id ON servers (vcenter_host_id);

CREATE TABLE jobs (
    id                TEXT    NOT NULL PRIMARY KEY,
    job_type          TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'pending'
                              CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    -- NULL means every enabled vCenter, so a removed vCenter takes its jobs with it rather than turning them into
    -- jobs for all vCenters.
    target_vcenter_id TEXT    REFERENCES vcenters (id) ON DELETE CASCADE,
    created_at        TEXT    NOT NULL,
    started_at        TEXT,
    completed_at      TEXT,
    worker_id         TEXT,
    heartbeat_at      TEXT,
    cancel_requested  INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
    result            TEXT    CHECK (result IS NULL OR json_valid(result)),
    error             TEXT
);
CREATE INDEX ix_jobs_status_created_at ON jobs (status, created_at);
CREATE INDEX ix_jobs_target_vcenter_id ON jobs (target_vcenter_id);

CREATE TABLE job_tasks (
    id           TEXT    NOT NULL PRIMARY KEY,
    job_id       TEXT    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    label        TEXT,
    status       TEXT    NOT NULL,
    progress     INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    message      TEXT,
    started_at   TEXT,
    completed_at TEXT
);
CREATE INDEX ix_job_tasks_job_id ON job_tasks (job_id);

CREATE TABLE idrac_commands (
    id               TEXT    NOT NULL PRIMARY KEY,
    -- The activity log outlives the jobs and servers it mentions.
    job_id           TEXT    REFERENCES jobs (id) ON DELETE SET NULL,
    server_id        TEXT    REFERENCES servers (id) ON DELETE SET NULL,
    operation_type   TEXT    NOT NULL,
    operation        TEXT    NOT NULL,
    endpoint         TEXT,
    success          INTEGER NOT NULL CHECK (success IN (0, 1)),
    response_time_ms INTEGER,
    details          TEXT    CHECK (details IS NULL OR json_valid(details)),
    error_message    TEXT,
    created_at       TEXT    NOT NULL
);
CREATE INDEX ix_idrac_commands_created_at ON idrac_commands (created_at);
CREATE INDEX ix_idrac_commands_job_id ON idrac_commands (job_id);
CREATE INDEX ix_idrac_commands_server_id ON idrac_commands (server_id);
