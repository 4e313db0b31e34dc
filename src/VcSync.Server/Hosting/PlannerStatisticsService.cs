using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VcSync.Storage.Reads;

namespace VcSync.Server.Hosting;

/// <summary>
/// At start and then every minute, brings the database's query planner statistics up to date when the inventory grew or
/// shrank a lot (<see cref="IInventoryReads.RefreshStatisticsAsync"/>): list pages sorted by an indexed column then walk
/// that index whatever the filter.
/// </summary>
internal sealed partial class PlannerStatisticsService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly IInventoryReads _reads;
    private readonly ILogger _logger;

    public PlannerStatisticsService(IInventoryReads reads, ILoggerFactory loggerFactory)
    {
        _reads = reads;
        _logger = loggerFactory.CreateLogger<PlannerStatisticsService>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                try
                {
                    if (await _reads.RefreshStatisticsAsync(stoppingToken))
                    {
                        LogAnalyzed();
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogFailed(exception.Message);
                }

                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Query planner statistics refreshed (ANALYZE)")]
    private partial void LogAnalyzed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the query planner statistics failed: {Error}")]
    private partial void LogFailed(string error);
}
