-- The inventory schema contract, PostgreSQL dialect: uuid, boolean, timestamptz, integer for counts,
-- bigint for bytes, jsonb. Columns are listed in contract order; the store's
-- Schema/ classes carry the same lists and a test keeps the two equal.

CREATE TABLE vcenters (
    id               uuid    NOT NULL PRIMARY KEY,
    name             text    NOT NULL UNIQUE,
    url              text    NOT NULL UNIQUE,
    username         text    NOT NULL,
    tls_thumbprint   text,
    tls_insecure     boolean NOT NULL DEFAULT false,
    enabled          boolean NOT NULL DEFAULT true,
    instance_uuid    text,
    api_version      text,
    last_sync_at     timestamptz,
    last_sync_status text    CHECK (last_sync_status IN ('completed', 'failed', 'cancelled')),
    last_sync_error  text
);

CREATE TABLE vcenter_clusters (
    id                  uuid    NOT NULL PRIMARY KEY,
    source_vcenter_id   uuid    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref               text    NOT NULL,
    name                text    NOT NULL,
    total_cpu_mhz       integer,
    effective_cpu_mhz   integer,
    total_memory_bytes  bigint,
    effective_memory_mb integer,
    num_hosts           integer,
    num_effective_hosts integer,
    overall_status      text,
    ha_enabled          boolean,
    drs_enabled         boolean,
    drs_behavior        text,
    first_seen_at       timestamptz NOT NULL,
    last_sync_at        timestamptz NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);

CREATE TABLE vcenter_hosts (
    id                  uuid    NOT NULL PRIMARY KEY,
    source_vcenter_id   uuid    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref               text    NOT NULL,
    name                text    NOT NULL,
    cluster_moref       text,
    cluster_name        text,
    serial_number       text,
    esxi_version        text,
    esxi_build          text,
    connection_state    text,
    in_maintenance_mode boolean,
    -- References servers; the constraint is added once servers exists.
    server_id           uuid,
    first_seen_at       timestamptz NOT NULL,
    last_sync_at        timestamptz NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);
-- Linking looks hosts up by serial number, and servers' hosts by server_id.
CREATE INDEX ix_vcenter_hosts_serial_number ON vcenter_hosts (serial_number);
CREATE INDEX ix_vcenter_hosts_server_id ON vcenter_hosts (server_id);

CREATE TABLE vcenter_vms (
    id                     uuid    NOT NULL PRIMARY KEY,
    source_vcenter_id      uuid    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref                  text    NOT NULL,
    name                   text    NOT NULL,
    vm_uuid                text,
    cpu_count              integer,
    memory_mb              integer,
    is_template            boolean,
    power_state            text,
    host_moref             text,
    host_name              text,
    cluster_name           text,
    ip_address             text,
    tools_status           text,
    tools_version_status   text,
    guest_os               text,
    disk_uncommitted_bytes bigint,
    first_seen_at          timestamptz NOT NULL,
    last_sync_at           timestamptz NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);
-- VMs are looked up by name (CLI listings, reports).
CREATE INDEX ix_vcenter_vms_name ON vcenter_vms (name);

CREATE TABLE vcenter_datastores (
    id                uuid    NOT NULL PRIMARY KEY,
    source_vcenter_id uuid    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref             text    NOT NULL,
    name              text    NOT NULL,
    type              text,
    capacity_bytes    bigint,
    free_bytes        bigint,
    accessible        boolean,
    maintenance_mode  text,
    host_count        integer NOT NULL,
    vm_count          integer NOT NULL,
    first_seen_at     timestamptz NOT NULL,
    last_sync_at      timestamptz NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);

CREATE TABLE vcenter_datastore_hosts (
    source_vcenter_id uuid NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    datastore_moref   text NOT NULL,
    host_moref        text NOT NULL,
    PRIMARY KEY (source_vcenter_id, datastore_moref, host_moref)
);
CREATE INDEX ix_vcenter_datastore_hosts_host ON vcenter_datastore_hosts (source_vcenter_id, host_moref);

CREATE TABLE vcenter_networks (
    id                uuid    NOT NULL PRIMARY KEY,
    source_vcenter_id uuid    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    moref             text    NOT NULL,
    name              text    NOT NULL,
    network_type      text    NOT NULL CHECK (network_type IN ('standard', 'distributed', 'opaque')),
    dvs_moref         text,
    dvs_name          text,
    is_uplink         boolean NOT NULL,
    vlan_type         text    CHECK (vlan_type IN ('none', 'vlan', 'trunk', 'pvlan')),
    vlan_id           integer,
    vlan_ranges       text,
    host_count        integer NOT NULL,
    vm_count          integer NOT NULL,
    first_seen_at     timestamptz NOT NULL,
    last_sync_at      timestamptz NOT NULL,
    UNIQUE (source_vcenter_id, moref)
);

CREATE TABLE vcenter_alarms (
    id                uuid    NOT NULL PRIMARY KEY,
    source_vcenter_id uuid    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    alarm_key         text    NOT NULL,
    entity_moref      text    NOT NULL,
    entity_type       text    NOT NULL,
    entity_name       text,
    alarm_moref       text    NOT NULL,
    alarm_name        text,
    overall_status    text,
    triggered_at      timestamptz,
    acknowledged      boolean NOT NULL,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    first_seen_at     timestamptz NOT NULL,
    last_sync_at      timestamptz NOT NULL,
    UNIQUE (source_vcenter_id, alarm_key)
);
CREATE INDEX ix_vcenter_alarms_entity ON vcenter_alarms (source_vcenter_id, entity_moref);

CREATE TABLE servers (
    id              uuid NOT NULL PRIMARY KEY,
    service_tag     text NOT NULL UNIQUE,
    hostname        text,
    model           text,
    idrac_ip        text,
    -- A link whose host disappears is cleared.
    vcenter_host_id uuid REFERENCES vcenter_hosts (id) ON DELETE SET NULL,
    linked_at       timestamptz
);
CREATE INDEX ix_servers_vcenter_host_id ON servers (vcenter_host_id);

ALTER TABLE vcenter_hosts
    ADD CONSTRAINT fk_vcenter_hosts_server_id FOREIGN KEY (server_id) REFERENCES servers (id) ON DELETE SET NULL;

CREATE TABLE jobs (
    id                uuid    NOT NULL PRIMARY KEY,
    job_type          text    NOT NULL,
    status            text    NOT NULL DEFAULT 'pending'
                              CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    -- NULL means every enabled vCenter, so a removed vCenter takes its jobs with it rather than turning them into
    -- jobs for all vCenters.
    target_vcenter_id uuid    REFERENCES vcenters (id) ON DELETE CASCADE,
    created_at        timestamptz NOT NULL,
    started_at        timestamptz,
    completed_at      timestamptz,
    worker_id         text,
    heartbeat_at      timestamptz,
    cancel_requested  boolean NOT NULL DEFAULT false,
    result            jsonb,
    error             text
);
CREATE INDEX ix_jobs_status_created_at ON jobs (status, created_at);
CREATE INDEX ix_jobs_target_vcenter_id ON jobs (target_vcenter_id);

CREATE TABLE job_tasks (
    id           uuid    NOT NULL PRIMARY KEY,
    job_id       uuid    NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name         text    NOT NULL,
    label        text,
    status       text    NOT NULL,
    progress     integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    message      text,
    started_at   timestamptz,
    completed_at timestamptz
);
CREATE INDEX ix_job_tasks_job_id ON job_tasks (job_id);

CREATE TABLE idrac_commands (
    id               uuid    NOT NULL PRIMARY KEY,
    -- The activity log outlives the jobs and servers it mentions.
    job_id           uuid    REFERENCES jobs (id) ON DELETE SET NULL,
    server_id        uuid    REFERENCES servers (id) ON DELETE SET NULL,
    operation_type   text    NOT NULL,
    operation        text    NOT NULL,
    endpoint         text,
    success          boolean NOT NULL,
    response_time_ms integer,
    details          jsonb,
    error_message    text,
    created_at       timestamptz NOT NULL
);
CREATE INDEX ix_idrac_commands_created_at ON idrac_commands (created_at);
CREATE INDEX ix_idrac_commands_job_id ON idrac_commands (job_id);
CREATE INDEX ix_idrac_commands_server_id ON idrac_commands (server_id);
