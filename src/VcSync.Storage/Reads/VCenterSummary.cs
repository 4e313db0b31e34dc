namespace VcSync.Storage.Reads;

/// <summary>One vCenter on the overview: its row, how many objects of each kind it has, and its red and yellow alarms.</summary>
public sealed record VCenterSummary
{
    /// <summary>The vCenter.</summary>
    public required VCenterRow VCenter { get; init; }

    /// <summary>Rows per listing name (<c>clusters</c>, <c>hosts</c>, <c>vms</c>, <c>datastores</c>, <c>networks</c>, <c>alarms</c>).</summary>
    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    /// <summary>Triggered alarms whose status is red.</summary>
    public long RedAlarms { get; init; }

    /// <summary>Triggered alarms whose status is yellow.</summary>
    public long YellowAlarms { get; init; }

    /// <summary>Its watcher row (status, last update, lag), or null when it was never watched.</summary>
    public Watchers.WatcherRow? Watcher { get; init; }
}
