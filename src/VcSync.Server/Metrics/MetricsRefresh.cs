using Microsoft.AspNetCore.Http;
using VcSync.Storage.Reads;

namespace VcSync.Server.Metrics;

/// <summary>
/// Runs in the scrape's branch before the exporter: reads the figures from the database (asynchronously; the
/// exporter's callbacks cannot wait) and hands them to <see cref="InventoryMetrics"/>. Scrapes take turns, so each
/// reports the figures it read.
/// </summary>
internal sealed class MetricsRefresh
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly IInventoryReads _reads;
    private readonly InventoryMetrics _metrics;

    public MetricsRefresh(IInventoryReads reads, InventoryMetrics metrics)
    {
        _reads = reads;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await _turn.WaitAsync(context.RequestAborted);
        try
        {
            _metrics.Update(await _reads.FiguresAsync(context.RequestAborted));
            await next(context);
        }
        finally
        {
            _turn.Release();
        }
    }
}
