-- Every vSphere xsd:long is stored in a 64-bit column (issue 9). SQLite's INTEGER already holds 64-bit values, so
-- no column changes here (summary.effectiveMemory is read back as a 64-bit value by the store); the script keeps
-- both dialects at the same schema version.
SELECT 1;
