-- The synced inventory tables and the change history no longer reference vcenters (id) by foreign key. PostgreSQL
-- checks such a key once per inserted row (a lookup and a row lock on vcenters): at vCenter's maximum a first sync
-- inserts some 380,000 rows, and those checks were about a sixth of the server's CPU for it. What the key guaranteed
-- is kept in code, once per transaction: every write of a vCenter's rows first reads its vcenters row FOR KEY SHARE
-- (the lock each check took), so a removal waits for the write and a write after a removal fails; removing a vCenter
-- deletes its rows from these tables in the same transaction. The contract never named these keys. SQLite keeps its
-- foreign keys: there a check is an in-process index probe.
ALTER TABLE vcenter_clusters        DROP CONSTRAINT IF EXISTS vcenter_clusters_source_vcenter_id_fkey;
ALTER TABLE vcenter_hosts           DROP CONSTRAINT IF EXISTS vcenter_hosts_source_vcenter_id_fkey;
ALTER TABLE vcenter_vms             DROP CONSTRAINT IF EXISTS vcenter_vms_source_vcenter_id_fkey;
ALTER TABLE vcenter_datastores      DROP CONSTRAINT IF EXISTS vcenter_datastores_source_vcenter_id_fkey;
ALTER TABLE vcenter_datastore_hosts DROP CONSTRAINT IF EXISTS vcenter_datastore_hosts_source_vcenter_id_fkey;
ALTER TABLE vcenter_networks        DROP CONSTRAINT IF EXISTS vcenter_networks_source_vcenter_id_fkey;
ALTER TABLE vcenter_alarms          DROP CONSTRAINT IF EXISTS vcenter_alarms_source_vcenter_id_fkey;
ALTER TABLE vcenter_vm_nics         DROP CONSTRAINT IF EXISTS vcenter_vm_nics_source_vcenter_id_fkey;
ALTER TABLE vcenter_vm_disks        DROP CONSTRAINT IF EXISTS vcenter_vm_disks_source_vcenter_id_fkey;
ALTER TABLE vcenter_vm_partitions   DROP CONSTRAINT IF EXISTS vcenter_vm_partitions_source_vcenter_id_fkey;
ALTER TABLE vcenter_vm_snapshots    DROP CONSTRAINT IF EXISTS vcenter_vm_snapshots_source_vcenter_id_fkey;
ALTER TABLE vcenter_host_portgroups DROP CONSTRAINT IF EXISTS vcenter_host_portgroups_source_vcenter_id_fkey;
ALTER TABLE inventory_changes       DROP CONSTRAINT IF EXISTS inventory_changes_source_vcenter_id_fkey;
