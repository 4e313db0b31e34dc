-- Live inventory (issue 11): the change history written with every inventory change, and one watcher row per
-- watched vCenter.

-- One row per change of an inventory object: created and deleted once per object, updated once per changed column.
-- source is 'sync' (a full sync) or 'watch' (the watcher). Rows go when the vCenter goes, and after --history-days.
CREATE TABLE inventory_changes (
    id                uuid        NOT NULL PRIMARY KEY,
    source_vcenter_id uuid        NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    object_type       text        NOT NULL,
    moref             text        NOT NULL,
    object_name       text,
    change_kind       text        NOT NULL CHECK (change_kind IN ('created', 'updated', 'deleted')),
    column_name       text,
    old_value         text,
    new_value         text,
    changed_at        timestamptz NOT NULL,
    source            text        NOT NULL CHECK (source IN ('sync', 'watch'))
);
CREATE INDEX ix_inventory_changes_changed_at ON inventory_changes (changed_at);
CREATE INDEX ix_inventory_changes_object ON inventory_changes (source_vcenter_id, moref, changed_at);

-- The watcher of a vCenter: which worker holds it (heartbeat_at; another takes over when it is stale), its state,
-- and how current the inventory is (last_update_at: the last update set applied; lag_ms: from its arrival to commit).
CREATE TABLE vcenter_watchers (
    vcenter_id      uuid        NOT NULL PRIMARY KEY REFERENCES vcenters (id) ON DELETE CASCADE,
    worker_id       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('starting', 'syncing', 'watching', 'recovering', 'stopped', 'failed')),
    started_at      timestamptz NOT NULL,
    heartbeat_at    timestamptz NOT NULL,
    last_update_at  timestamptz,
    last_version    text,
    updates_applied bigint      NOT NULL DEFAULT 0,
    changes_applied bigint      NOT NULL DEFAULT 0,
    lag_ms          integer,
    last_error      text
);
