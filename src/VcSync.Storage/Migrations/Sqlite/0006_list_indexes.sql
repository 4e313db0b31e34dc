-- vcsync serve (issue 12): the VM list's usual filters, each with the name order pages come in, so a filtered page
-- walks an index instead of sorting 45,000 rows; and the metrics' VMs-by-power-state count as a covering index scan.
CREATE INDEX ix_vcenter_vms_power_state_name ON vcenter_vms (power_state, name);
CREATE INDEX ix_vcenter_vms_cluster_name_name ON vcenter_vms (cluster_name, name);
CREATE INDEX ix_vcenter_vms_host_name_name ON vcenter_vms (host_name, name);
CREATE INDEX ix_vcenter_vms_vcenter_power_state ON vcenter_vms (source_vcenter_id, power_state);
CREATE INDEX ix_vcenter_hosts_name ON vcenter_hosts (name);
