namespace VcSync.Storage.Writing;

/// <summary>Fails the write with a clear message when the vCenter is not registered (e.g. removed during the sync).</summary>
internal sealed class VCenterMustExist(SqlStoreCore core) : ISyncWriteStep
{
    public Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken) =>
        core.EnsureVCenterExistsAsync(context.Connection, context.Transaction, context.Write.VCenterId, cancellationToken);
}
