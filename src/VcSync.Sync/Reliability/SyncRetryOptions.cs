namespace VcSync.Sync.Reliability;

/// <summary>
/// How often and how patiently a sync retries a transient vCenter failure (a broken connection, a timeout, HTTP
/// 502/503/504, a truncated response). Each retry starts the retrieval over with a fresh connection and session.
/// </summary>
public sealed record SyncRetryOptions
{
    /// <summary>The defaults: 3 retries, waits of about 1, 2, 4 s (jittered), never more than 30 s.</summary>
    public static SyncRetryOptions Default { get; } = new();

    /// <summary>No retry at all: the first transient failure fails the sync.</summary>
    public static SyncRetryOptions None { get; } = new() { MaxRetries = 0 };

    /// <summary>How many times to try again after the first attempt failed transiently (0 to 20).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The wait before the first retry; it doubles each time, with jitter. Zero retries at once.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay);
    }
}
