namespace VcSync.Storage.Postgres;

/// <summary>
/// Every PostgreSQL advisory lock key VcSync takes, in one place. Keys share one namespace per database, so two uses
/// of one key make unrelated work wait on each other: each key here must be distinct (a test checks it), and no other
/// file may name a key. The high bytes spell "VcSync".
/// </summary>
internal static class AdvisoryLockKeys
{
    /// <summary>Session lock held while migrations run, so workers starting together do not race.</summary>
    public const long Migration = 0x5663_5379_6E63_0001;

    /// <summary>Transaction lock that serializes auto-linking passes (sync writes and server imports).</summary>
    public const long Linking = 0x5663_5379_6E63_0002;

    /// <summary>Transaction lock that serializes job claims and scheduled enqueues across workers.</summary>
    public const long JobQueue = 0x5663_5379_6E63_0003;
}
