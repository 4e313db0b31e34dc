namespace VcSync.Storage;

/// <summary>What applying one update set did.</summary>
/// <param name="Inserted">Rows inserted.</param>
/// <param name="Updated">Rows whose changed columns were updated.</param>
/// <param name="Deleted">Rows deleted.</param>
/// <param name="HistoryRows">Rows added to <c>inventory_changes</c>.</param>
/// <param name="AutoLinked">Servers linked by the re-linking that a host change triggered.</param>
public sealed record LiveWriteResult(int Inserted, int Updated, int Deleted, int HistoryRows, int AutoLinked)
{
    /// <summary>Rows written.</summary>
    public int Written => Inserted + Updated + Deleted;
}
