namespace VcSync.Storage.Writing;

/// <summary>One step of a sync write, run in order inside the write's transaction (see <see cref="SyncWriter"/>).</summary>
internal interface ISyncWriteStep
{
    /// <summary>Does the step's reads and writes on <see cref="SyncWriteContext.Transaction"/>; throws to roll the whole write back.</summary>
    Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken);
}
