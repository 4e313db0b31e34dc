namespace VcSync.Storage.Cursors;

/// <summary>
/// Where an incremental sync of one vCenter can pick up: a private PropertyCollector kept alive in a vCenter session
/// between runs, and the collector version whose state the database holds. Saved in the same transaction as the
/// inventory it describes, so the two never disagree; any other write of the vCenter's inventory deletes it.
/// </summary>
public sealed record SyncCursor
{
    /// <summary>SHA-256 (hex) of the session cookie the collector lives in: a cursor of another session is useless.</summary>
    public required string SessionHash { get; init; }

    /// <summary>The private collector's moref value (<c>PropertyCollector</c>).</summary>
    public required string Collector { get; init; }

    /// <summary>The ContainerView its filter traverses (destroyed with the collector when the cursor is replaced).</summary>
    public required string View { get; init; }

    /// <summary>The collector version the inventory in the database is at least as new as.</summary>
    public required string Version { get; init; }

    /// <summary>What was asked: property paths, API version and VcSync's build. Another fingerprint means a full sync.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>SHA-256 (hex) of the triggered alarms and their names as last read (they send no updates: polled).</summary>
    public required string AlarmsHash { get; init; }

    /// <summary>Inventory objects of the sync that wrote the inventory (reported again by an unchanged sync).</summary>
    public required int TotalObjects { get; init; }

    /// <summary>When it was saved.</summary>
    public DateTimeOffset SavedAt { get; init; }

    /// <summary>Whether <paramref name="other"/> names the same collector at the same version in the same session.</summary>
    public bool SamePlace(SyncCursor other) =>
        other is not null
        && string.Equals(SessionHash, other.SessionHash, StringComparison.Ordinal)
        && string.Equals(Collector, other.Collector, StringComparison.Ordinal)
        && string.Equals(Version, other.Version, StringComparison.Ordinal);
}
