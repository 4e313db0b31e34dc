using VcSync.Inventory.Records;
using VcSync.Storage.Writing;

namespace VcSync.Storage.Schema;

/// <summary>A <see cref="SyncedTable{TRecord}"/> whatever its record type, so the write can go over all of them in one list.</summary>
internal interface ISyncedTable
{
    /// <summary>The contract table.</summary>
    TableSchema Table { get; }

    /// <summary>The table's name.</summary>
    string Name { get; }

    /// <summary>Writes the snapshot's records of this table; null when the snapshot has none for it (not read by this sync).</summary>
    Task<TableWrite?> WriteAsync(ISyncTableWriter writer, InventorySnapshot snapshot, CancellationToken cancellationToken);
}
