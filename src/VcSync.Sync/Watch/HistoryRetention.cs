namespace VcSync.Sync.Watch;

/// <summary>How long the change history is kept (<c>--history-days</c>, default 90).</summary>
/// <param name="Keep">Rows older than this are pruned.</param>
public sealed record HistoryRetention(TimeSpan Keep)
{
    /// <summary>90 days.</summary>
    public static HistoryRetention Default { get; } = new(TimeSpan.FromDays(90));
}
