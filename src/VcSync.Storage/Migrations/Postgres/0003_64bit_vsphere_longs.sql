-- Every vSphere xsd:long is stored in a 64-bit column (issue 9). summary.effectiveMemory (MB) is an xsd:long
-- and passes 2^31 on a cluster of 96 hosts of 24 TiB, vSphere 8's configuration maximum. The other xsd:long
-- properties (bytes) were bigint already; docs/schema.md lists every property with its vSphere and column type.
ALTER TABLE vcenter_clusters ALTER COLUMN effective_memory_mb TYPE bigint;
