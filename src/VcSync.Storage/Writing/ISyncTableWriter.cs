using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>
/// A store's way of writing one synced table inside the sync's transaction: insert rows that are new, update rows whose
/// compared columns differ, delete this vCenter's rows whose key is gone, and leave unchanged rows untouched.
/// </summary>
internal interface ISyncTableWriter
{
    /// <summary>
    /// Whether <see cref="TableWrite.Old"/> holds the old values of the rows the write updated or deleted: then the
    /// change history needs no read of its own before the write.
    /// </summary>
    bool ReportsOldRows => false;

    /// <summary>Writes <paramref name="records"/> and deletes the rows of the vCenter they no longer hold.</summary>
    /// <param name="table">The table.</param>
    /// <param name="records">The rows the table should hold (within <paramref name="parents"/>).</param>
    /// <param name="parents">
    /// Null: every row of the vCenter is compared, and deleted when absent from the records (a whole snapshot). Else only
    /// the rows whose first key column (the VM's moref of a VM or of its child rows) is one of these: one page of a
    /// streamed sync, whose VMs are these.
    /// </param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">A record has a null key, or two records share a key in a table that refuses that.</exception>
    Task<TableWrite> WriteAsync<TRecord>(
        SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken);
}
