using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>
/// A store's way of writing one synced table inside the sync's transaction: insert rows that are new, update rows whose
/// compared columns differ, delete this vCenter's rows whose key is gone, and leave unchanged rows untouched.
/// </summary>
internal interface ISyncTableWriter
{
    /// <exception cref="ArgumentException">A record has a null key, or two records share a key in a table that refuses that.</exception>
    Task<TableWrite> WriteAsync<TRecord>(SyncedTable<TRecord> table, IReadOnlyList<TRecord> records, CancellationToken cancellationToken);
}
