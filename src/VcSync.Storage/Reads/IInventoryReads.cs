namespace VcSync.Storage.Reads;

/// <summary>
/// The reads behind the HTTP API, the dashboard and the metrics: filtered, sorted pages of the inventory done in the
/// database, per-vCenter summaries, and the figures the metrics report. Never a call to vCenter. Totals and figures are
/// kept while the database does not change; dispose it to close the connection that watches for changes.
/// </summary>
public interface IInventoryReads : IAsyncDisposable
{
    /// <summary>One page of <paramref name="resource"/> and how many rows match in all.</summary>
    /// <exception cref="ListQueryException">An unknown filter or sort, a value of the wrong kind, or a limit out of range.</exception>
    Task<ListPage> ListAsync(ListResource resource, ListQuery query, CancellationToken cancellationToken);

    /// <summary>The item of <paramref name="resource"/> with this id, or null.</summary>
    Task<IReadOnlyDictionary<string, object?>?> FindAsync(ListResource resource, Guid id, CancellationToken cancellationToken);

    /// <summary>Every vCenter with its row counts and red and yellow alarms, by name.</summary>
    Task<IReadOnlyList<VCenterSummary>> SummarizeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the query planner's statistics again (<c>ANALYZE</c>) when they are missing or the VM count moved by a
    /// quarter since; true when it did. Cheap otherwise: two counts.
    /// </summary>
    Task<bool> RefreshStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>The figures the metrics report, read in a few grouped queries.</summary>
    Task<InventoryFigures> FiguresAsync(CancellationToken cancellationToken);

    /// <summary>How many hosts (every vCenter) have this serial once trimmed and upper-cased; and whether a server has it as tag.</summary>
    Task<(int Hosts, bool ServerExists)> SerialUsageAsync(string normalizedSerial, CancellationToken cancellationToken);
}
