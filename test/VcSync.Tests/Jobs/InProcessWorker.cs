using VcSync.Sync.Jobs;

namespace VcSync.Tests.Jobs;

/// <summary>A <see cref="SyncWorkerService"/> running in the test process until disposed.</summary>
public sealed class InProcessWorker : IAsyncDisposable
{
    private readonly SyncWorkerService _service;

    public InProcessWorker(SyncWorkerService service)
    {
        _service = service;
        _service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
    }
}
