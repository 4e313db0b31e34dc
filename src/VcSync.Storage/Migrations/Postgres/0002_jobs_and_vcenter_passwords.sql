-- The job executor and unattended workers (issue 4).

-- A vCenter's password, encrypted by VcSync with AES-GCM under a key kept outside the database
-- (VCSYNC_SECRET_KEY or a key file). NULL: the password comes from the environment instead.
ALTER TABLE vcenters ADD COLUMN password_encrypted text;

-- Two syncs of one vCenter never run at once, whichever workers hold them: the database refuses a second
-- running job for the same vCenter.
CREATE UNIQUE INDEX ux_jobs_running_vcenter ON jobs (target_vcenter_id) WHERE status = 'running';

-- Finding the next job to claim and the stale ones to take over.
CREATE INDEX ix_jobs_status_heartbeat_at ON jobs (status, heartbeat_at);
