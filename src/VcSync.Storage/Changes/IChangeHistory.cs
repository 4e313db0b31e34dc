namespace VcSync.Storage.Changes;

/// <summary>The change history (<c>inventory_changes</c>), written by full syncs and the watcher with their changes.</summary>
public interface IChangeHistory
{
    /// <summary>
    /// History rows, newest first: <c>vcenter</c> (the vCenter's name), then the contract columns of
    /// <c>inventory_changes</c>, values as <see cref="IInventoryStore.ListRowsAsync"/> returns them.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ListAsync(ChangeQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the rows older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
