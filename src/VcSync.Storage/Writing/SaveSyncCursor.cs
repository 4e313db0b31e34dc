using VcSync.Storage.Cursors;

namespace VcSync.Storage.Writing;

/// <summary>
/// Saves the write's incremental-sync cursor (<see cref="SyncWrite.Cursor"/>) with the inventory it describes, or, when
/// it has none (the legacy phased sync, the watcher's reconcile), deletes the vCenter's cursor: what it wrote is at no
/// version of the cursor's collector, so an unchanged sync checked against that collector must not confirm it.
/// </summary>
internal sealed class SaveSyncCursor : ISyncWriteStep
{
    public Task RunAsync(SyncWriteContext context, CancellationToken cancellationToken)
    {
        var write = context.Write;
        return write.Cursor is { } cursor
            ? SyncCursorSql.SaveAsync(context.Dialect, context.Connection, context.Transaction, write.VCenterId, cursor, write.SyncedAt, cancellationToken)
            : SyncCursorSql.DeleteAsync(context.Dialect, context.Connection, context.Transaction, write.VCenterId, cancellationToken);
    }
}
