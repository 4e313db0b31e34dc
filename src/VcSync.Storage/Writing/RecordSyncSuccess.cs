namespace VcSync.Storage.Writing;

/// <summary>Records the sync on the vCenter's row (<c>completed</c>, time, about.*) and inserts its activity rows.</summary>
internal sealed class RecordSyncSuccess(SqlStoreCore core) : ISyncWriteStep
{
    public async Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken)
    {
        await core.RecordSyncSuccessAsync(context.Connection, context.Transaction, context.Write, cancellationToken);
        await core.InsertActivitiesAsync(context.Connection, context.Transaction, context.Write.Activities, cancellationToken);
    }
}
