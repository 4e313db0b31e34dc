-- Live inventory (issue 11): the change history written with every inventory change, and one watcher row per
-- watched vCenter.

-- One row per change of an inventory object: created and deleted once per object, updated once per changed column.
-- source is 'sync' (a full sync) or 'watch' (the watcher). Rows go when the vCenter goes, and after --history-days.
CREATE TABLE inventory_changes (
    id                TEXT    NOT NULL PRIMARY KEY,
    source_vcenter_id TEXT    NOT NULL REFERENCES vcenters (id) ON DELETE CASCADE,
    object_type       TEXT    NOT NULL,
    moref             TEXT    NOT NULL,
    object_name       TEXT,
    change_kind       TEXT    NOT NULL CHECK (change_kind IN ('created', 'updated', 'deleted')),
    column_name       TEXT,
    old_value         TEXT,
    new_value         TEXT,
    changed_at        TEXT    NOT NULL,
    source            TEXT    NOT NULL CHECK (source IN ('sync', 'watch'))
);
CREATE INDEX ix_inventory_changes_changed_at ON inventory_changes (changed_at);
CREATE INDEX ix_inventory_changes_object ON inventory_changes (source_vcenter_id, moref, changed_at);

-- The watcher of a vCenter: which worker holds it (heartbeat_at; another takes over when it is stale), its state,
-- and how current the inventory is (last_update_at: the last update set applied; lag_ms: from its arrival to commit).
CREATE TABLE vcenter_watchers (
    vcenter_id      TEXT    NOT NULL PRIMARY KEY REFERENCES vcenters (id) ON DELETE CASCADE,
    worker_id       TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('starting', 'syncing', 'watching', 'recovering', 'stopped', 'failed')),
    started_at      TEXT    NOT NULL,
    heartbeat_at    TEXT    NOT NULL,
    last_update_at  TEXT,
    last_version    TEXT,
    updates_applied INTEGER NOT NULL DEFAULT 0,
    changes_applied INTEGER NOT NULL DEFAULT 0,
    lag_ms          INTEGER,
    last_error      TEXT
);
