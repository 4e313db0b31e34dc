using VcSync.Storage.Jobs;

namespace VcSync.Storage.Writing;

/// <summary>Fails the write with <see cref="JobLostException"/> when its job is no longer its worker's (see <see cref="JobFence"/>).</summary>
internal sealed class JobMustBeHeld : ISyncWriteStep
{
    public Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken) =>
        JobFenceCheck.EnsureHeldAsync(context.Connection, context.Transaction, context.Dialect, context.Write.Fence, cancellationToken);
}
