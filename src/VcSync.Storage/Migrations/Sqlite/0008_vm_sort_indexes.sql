-- vcsync serve (issue 12): every column the VM list page sorts by has an index in the list's order (the column, then
-- the id that breaks ties), so a page sorted by it walks the index and stops after 50 rows, whatever the filter
-- (with the planner's statistics, which vcsync serve takes with ANALYZE when they are missing or stale).
CREATE INDEX ix_vcenter_vms_memory_mb_id ON vcenter_vms (memory_mb, id);
CREATE INDEX ix_vcenter_vms_cpu_count_id ON vcenter_vms (cpu_count, id);
CREATE INDEX ix_vcenter_vms_power_state_id ON vcenter_vms (power_state, id);
CREATE INDEX ix_vcenter_vms_ip_address_id ON vcenter_vms (ip_address, id);
CREATE INDEX ix_vcenter_vms_guest_os_id ON vcenter_vms (guest_os, id);
CREATE INDEX ix_vcenter_vms_tools_status_id ON vcenter_vms (tools_status, id);
