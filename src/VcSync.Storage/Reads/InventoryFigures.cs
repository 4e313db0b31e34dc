namespace VcSync.Storage.Reads;

/// <summary>What the metrics report, read from the database at one moment.</summary>
public sealed record InventoryFigures
{
    /// <summary>VMs per (vCenter, power state).</summary>
    public IReadOnlyList<(string VCenter, string State, long Count)> VmsByPowerState { get; init; } = [];

    /// <summary>Hosts per (vCenter, connection state).</summary>
    public IReadOnlyList<(string VCenter, string State, long Count)> HostsByConnectionState { get; init; } = [];

    /// <summary>Triggered alarms per (vCenter, status).</summary>
    public IReadOnlyList<(string VCenter, string Status, long Count)> AlarmsByStatus { get; init; } = [];

    /// <summary>Each datastore's capacity and free bytes.</summary>
    public IReadOnlyList<(string VCenter, string Datastore, long CapacityBytes, long FreeBytes)> Datastores { get; init; } = [];

    /// <summary>Sync jobs that have ended, per (vCenter, status).</summary>
    public IReadOnlyList<(string VCenter, string Status, long Count)> FinishedJobs { get; init; } = [];

    /// <summary>Jobs waiting for a worker.</summary>
    public long PendingJobs { get; init; }

    /// <summary>Jobs a worker holds.</summary>
    public long RunningJobs { get; init; }

    /// <summary>Per vCenter: its last successful sync's end, duration and object count, where known.</summary>
    public IReadOnlyList<LastSync> LastSyncs { get; init; } = [];

    /// <summary>The watcher rows: status, last update and lag per watched vCenter.</summary>
    public IReadOnlyList<Watchers.WatcherRow> Watchers { get; init; } = [];
}
