-- vcsync serve (issue 12): every column the VM list page sorts by has an index in the list's order (the column, text
-- by code point, then the id that breaks ties), so a page sorted by it walks the index and stops after 50 rows. Lists
-- put NULLs last both ways, which one PostgreSQL index serves in one direction only: numbers, sorted largest first as
-- often as not, have an index for each direction.
CREATE INDEX ix_vcenter_vms_memory_mb_id ON vcenter_vms (memory_mb, id);
CREATE INDEX ix_vcenter_vms_memory_mb_id_desc ON vcenter_vms (memory_mb DESC NULLS LAST, id DESC);
CREATE INDEX ix_vcenter_vms_cpu_count_id ON vcenter_vms (cpu_count, id);
CREATE INDEX ix_vcenter_vms_cpu_count_id_desc ON vcenter_vms (cpu_count DESC NULLS LAST, id DESC);
CREATE INDEX ix_vcenter_vms_power_state_id ON vcenter_vms (power_state COLLATE "C", id);
CREATE INDEX ix_vcenter_vms_ip_address_id ON vcenter_vms (ip_address COLLATE "C", id);
CREATE INDEX ix_vcenter_vms_guest_os_id ON vcenter_vms (guest_os COLLATE "C", id);
CREATE INDEX ix_vcenter_vms_tools_status_id ON vcenter_vms (tools_status COLLATE "C", id);

-- The search (name contains, case-insensitive: LOWER(name) LIKE '%...%') by trigrams, where the server has pg_trgm
-- (PostgreSQL's contrib, part of Debian's postgresql package) and lets this database's owner create it (it is a
-- trusted extension). Without it the search scans the names, as before.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
       AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION pg_trgm;
        EXCEPTION WHEN insufficient_privilege OR feature_not_supported THEN
            RAISE NOTICE 'pg_trgm is not available to this database (%): the VM search scans the names', SQLERRM;
        END;
    END IF;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            EXECUTE 'CREATE INDEX ix_vcenter_vms_name_trgm ON vcenter_vms USING gin (LOWER(name) gin_trgm_ops)';
        EXCEPTION WHEN undefined_object THEN
            RAISE NOTICE 'pg_trgm is installed outside the search path (%): the VM search scans the names', SQLERRM;
        END;
    END IF;
END
$$;
