-- Incremental syncs (vcsync sync --incremental): where a vCenter's next sync can pick up. One row per vCenter, saved in
-- the transaction of the full sync that wrote the inventory it describes, moved on by a sync that found nothing
-- changed, deleted by any other write of the vCenter's inventory (a full sync without a cursor, the watcher). VcSync's
-- own bookkeeping, not part of the schema contract.
CREATE TABLE vcenter_sync_cursors (
    vcenter_id    TEXT    NOT NULL PRIMARY KEY REFERENCES vcenters (id) ON DELETE CASCADE,
    session_hash  TEXT    NOT NULL,
    collector     TEXT    NOT NULL,
    view_moref    TEXT    NOT NULL,
    version       TEXT    NOT NULL,
    fingerprint   TEXT    NOT NULL,
    alarms_hash   TEXT    NOT NULL,
    total_objects INTEGER NOT NULL,
    saved_at      TEXT    NOT NULL
);
