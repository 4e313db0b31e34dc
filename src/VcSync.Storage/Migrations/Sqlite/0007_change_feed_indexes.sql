-- vcsync serve (issue 12): the change feed (GET /api/v1/changes, the Changes page) reads newest first with the id as
-- tie-break, for every vCenter or one; these indexes give that order without sorting the history.
CREATE INDEX ix_inventory_changes_changed_at_id ON inventory_changes (changed_at, id);
CREATE INDEX ix_inventory_changes_vcenter_changed_at ON inventory_changes (source_vcenter_id, changed_at, id);
DROP INDEX ix_inventory_changes_changed_at;
