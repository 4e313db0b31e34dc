namespace VcSync.Sync.Watch;

/// <summary>How a watcher waits, polls alarms, beats and recovers.</summary>
public sealed record WatchOptions
{
    /// <summary>The id written on the watcher row: the worker or <c>vcsync watch</c> process.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How often the triggered alarms are polled (they send no updates). Default 60 s.</summary>
    public TimeSpan AlarmInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest one <c>WaitForUpdatesEx</c> waits server-side before answering "nothing changed"; kept below the call
    /// timeout (the call's HTTP budget is this plus the call timeout). Default 50 s.
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The most objects asked for in one update set (vCenter caps it near 100). Default 250.</summary>
    public int MaxObjectUpdates { get; init; } = 250;

    /// <summary>The longest one SOAP call may take.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the watcher row's heartbeat is stamped. Default 10 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A watcher row whose heartbeat is older than this is taken over by another worker. Default 60 s.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait after a failure; it doubles (with jitter) up to <see cref="MaxBackoff"/>. Default 1 s.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two recovery attempts. Default 60 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
}
