namespace VcSync.Sync.Watch;

/// <summary>The values of <c>vcenter_watchers.status</c>.</summary>
public static class WatchStatus
{
    /// <summary>Claimed, not connected yet.</summary>
    public const string Starting = "starting";

    /// <summary>The reconcile: reading everything from version <c>""</c> and writing it as a full sync.</summary>
    public const string Syncing = "syncing";

    /// <summary>Waiting for updates and applying them.</summary>
    public const string Watching = "watching";

    /// <summary>A failure (lost session, dropped connection, database down): backing off before a new session and a reconcile.</summary>
    public const string Recovering = "recovering";

    /// <summary>Stopped on request (SIGTERM, shutdown): free for any worker.</summary>
    public const string Stopped = "stopped";

    /// <summary>Gave up (e.g. no password): free for any worker.</summary>
    public const string Failed = "failed";
}
