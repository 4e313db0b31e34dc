namespace VcSync.Storage;

/// <summary>
/// Every PostgreSQL advisory lock key VcSync takes, in one place so that no two share a value. SQLite takes none: its
/// database write lock already serializes what these do.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held (session-scoped) while migrations run, so processes starting together do not migrate at once.</summary>
    public const long Migrations = 0x5663_5379_6E63_0001;

    /// <summary>Held (transaction-scoped) by an auto-linking pass, which reads every vCenter's hosts.</summary>
    public const long Linking = 0x5663_5379_6E63_0002;

    /// <summary>Held (transaction-scoped) by job claims and scheduled enqueues.</summary>
    public const long JobQueue = 0x5663_5379_6E63_0003;
}
