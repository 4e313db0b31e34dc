namespace VcSync.Sync;

/// <summary>Defaults shared by every way of running a sync.</summary>
public static class SyncDefaults
{
    /// <summary>The SQLite file used when neither <c>--db</c> nor <c>VCSYNC_DB</c> names a database.</summary>
    public const string DatabasePath = "vcsync.db";

    /// <summary>The environment variable of the plan's rollback switch.</summary>
    public const string UsePropertyCollectorSyncVariable = "USE_PROPERTY_COLLECTOR_SYNC";

    /// <summary>
    /// <c>USE_PROPERTY_COLLECTOR_SYNC</c>: true unless set to <c>false</c> (or <c>0</c>), which selects the legacy
    /// phased sync.
    /// </summary>
    public static bool UsePropertyCollectorSync =>
        Environment.GetEnvironmentVariable(UsePropertyCollectorSyncVariable)?.Trim().ToLowerInvariant() is not ("false" or "0");
}
