namespace VcSync.Storage.Writing;

/// <summary>
/// What a sync did to one table: the counts, and the keys of the rows it inserted, updated and deleted (unchanged rows
/// are not listed). A key is the row's key values as text, joined by <see cref="KeySeparator"/> when there are several.
/// </summary>
internal sealed record TableWrite(TableChanges Counts, IReadOnlyList<string> Inserted, IReadOnlyList<string> Updated, IReadOnlyList<string> Deleted)
{
    /// <summary>Between the values of a key of several columns.</summary>
    public const char KeySeparator = '/';

    /// <summary>
    /// The old compared columns, as contract values, of the rows this write updated or deleted, by key; null when the
    /// writer did not read them (see <see cref="ISyncTableWriter.ReportsOldRows"/>).
    /// </summary>
    public IReadOnlyDictionary<string, object?[]>? Old { get; init; }
}
