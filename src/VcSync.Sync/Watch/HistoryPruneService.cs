using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Storage;
using VcSync.Sync.FullSync;

namespace VcSync.Sync.Watch;

/// <summary>The worker's retention of the change history: at start and then hourly, rows older than the retention go.</summary>
public sealed partial class HistoryPruneService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly IInventoryStore _store;
    private readonly HistoryRetention _retention;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public HistoryPruneService(IInventoryStore store, HistoryRetention retention, ILogger<HistoryPruneService> logger, TimeProvider? time = null)
    {
        _store = store;
        _retention = retention;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Deletes the history rows older than the retention; returns how many.</summary>
    public static Task<int> PruneAsync(IInventoryStore store, HistoryRetention retention, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.Changes().PruneAsync(now - retention.Keep, cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    var pruned = await PruneAsync(_store, _retention, _time.GetUtcNow(), stoppingToken);
                    if (pruned > 0)
                    {
                        LogPruned(pruned, _retention.Keep.TotalDays);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogPruneFailed(OneLine.Of(exception));
                }

                await Task.Delay(Interval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change history: {Rows} rows older than {Days} days pruned")]
    private partial void LogPruned(int rows, double days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the change history failed: {Error}")]
    private partial void LogPruneFailed(string error);
}
