using VcSync.Inventory.Live;

namespace VcSync.Storage;

/// <summary>One update set of the watcher, to apply in one transaction (<see cref="IInventoryStore.ApplyChangesAsync"/>).</summary>
public sealed class LiveWrite
{
    /// <summary>The vCenter.</summary>
    public required Guid VCenterId { get; init; }

    /// <summary>What changed, references resolved.</summary>
    public required InventoryDelta Delta { get; init; }

    /// <summary>When the changes were applied (history, <c>last_sync_at</c>).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// The worker that must hold the vCenter's watcher row for the write to commit (fencing: a worker that lost the
    /// watcher to another cannot write); null when no watcher row is kept.
    /// </summary>
    public string? WorkerId { get; init; }

    /// <summary>The collector version the set brought the inventory to, recorded on the watcher row.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// When the update set arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>): the time from then to the
    /// write of the watcher row, just before the commit, is recorded as <c>lag_ms</c>.
    /// </summary>
    public long? ReceivedTimestamp { get; init; }

    /// <summary>Whether this write counts as an update set on the watcher row (alarm polls do not).</summary>
    public bool IsUpdateSet { get; init; } = true;
}
