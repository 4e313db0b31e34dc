namespace VcSync.Sync;

/// <summary>Defaults shared by every way of running a sync.</summary>
public static class SyncDefaults
{
    /// <summary>The SQLite file used when neither <c>--db</c> nor <c>VCSYNC_DB</c> names a database.</summary>
    public const string DatabasePath = "vcsync.db";
}
