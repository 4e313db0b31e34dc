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

    /// <summary>The first key column: <c>moref</c> of an object table, the parent's moref of a child table.</summary>
    string FirstKey { get; }

    /// <summary>Writes the snapshot's records of this table; null when the snapshot has none for it (not read by this sync).</summary>
    Task<TableWrite?> WriteAsync(ISyncTableWriter writer, InventorySnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the snapshot's records of this table, comparing only the rows whose <see cref="FirstKey"/> is one of
    /// <paramref name="parents"/> (all of the vCenter's rows when null; see <see cref="ISyncTableWriter.WriteAsync{TRecord}"/>);
    /// null when the snapshot has none for it.
    /// </summary>
    Task<TableWrite?> WriteAsync(
        ISyncTableWriter writer, InventorySnapshot snapshot, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken);

    /// <summary>Deletes the vCenter's rows whose <see cref="FirstKey"/> is one of <paramref name="parents"/>.</summary>
    Task<TableWrite> DeleteAsync(ISyncTableWriter writer, IReadOnlyCollection<string> parents, CancellationToken cancellationToken);
}
