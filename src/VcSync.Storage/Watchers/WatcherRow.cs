namespace VcSync.Storage.Watchers;

/// <summary>One row of <c>vcenter_watchers</c>, with the vCenter's name.</summary>
public sealed record WatcherRow
{
    /// <summary>The watched vCenter.</summary>
    public required Guid VCenterId { get; init; }

    /// <summary>Its name.</summary>
    public required string VCenterName { get; init; }

    /// <summary>The worker (or <c>vcsync watch</c> process) that holds it.</summary>
    public required string WorkerId { get; init; }

    /// <summary><c>starting</c>, <c>syncing</c> (the reconcile), <c>watching</c>, <c>recovering</c>, <c>stopped</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>When that worker took it.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The last sign of life; another worker takes over when it is stale.</summary>
    public required DateTimeOffset HeartbeatAt { get; init; }

    /// <summary>When the last update set was applied.</summary>
    public DateTimeOffset? LastUpdateAt { get; init; }

    /// <summary>The collector version the database is at.</summary>
    public string? LastVersion { get; init; }

    /// <summary>Update sets applied since the row was created.</summary>
    public long UpdatesApplied { get; init; }

    /// <summary>Rows written by them.</summary>
    public long ChangesApplied { get; init; }

    /// <summary>From the last update set's arrival to its commit, milliseconds.</summary>
    public int? LagMs { get; init; }

    /// <summary>Why the watcher is recovering or failed.</summary>
    public string? LastError { get; init; }
}
