namespace VcSync.Storage;

/// <summary>What one sync did to one table.</summary>
/// <param name="New">Rows inserted.</param>
/// <param name="Updated">Rows whose contract columns changed.</param>
/// <param name="Deleted">Rows of objects gone from vCenter.</param>
/// <param name="Unchanged">Rows confirmed as they were; not rewritten.</param>
public sealed record TableChanges(int New, int Updated, int Deleted, int Unchanged)
{
    /// <summary>No rows at all.</summary>
    public static TableChanges None { get; } = new(0, 0, 0, 0);

    /// <summary>Rows written: inserted, updated or deleted.</summary>
    public int Written => New + Updated + Deleted;
}
