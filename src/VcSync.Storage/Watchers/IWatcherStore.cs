namespace VcSync.Storage.Watchers;

/// <summary>
/// The watcher rows (<c>vcenter_watchers</c>): which worker watches which vCenter, and how current each is. A vCenter is
/// watched by one worker at a time; another takes it over when that worker's heartbeat is stale.
/// </summary>
public interface IWatcherStore
{
    /// <summary>Takes the vCenter's watcher row when it is free, already ours, stale (older than <paramref name="staleAfter"/>), stopped or failed.</summary>
    Task<bool> TryClaimAsync(Guid vcenterId, string workerId, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Stamps the heartbeat, and a new status with its error when given; false when another worker holds the row now.</summary>
    Task<bool> HeartbeatAsync(Guid vcenterId, string workerId, string? status, string? error, CancellationToken cancellationToken);

    /// <summary>Every watcher row, by vCenter name.</summary>
    Task<IReadOnlyList<WatcherRow>> ListAsync(CancellationToken cancellationToken);
}
