namespace VcSync.Storage.Servers;

/// <summary>What a server import did: the upsert's counts, then the auto-linking pass that followed it.</summary>
public sealed record ServerImportResult
{
    /// <summary>Servers whose service tag was not in the table.</summary>
    public int New { get; init; }

    /// <summary>Servers whose host name, model or iDRAC address changed.</summary>
    public int Updated { get; init; }

    /// <summary>Servers already as the file says.</summary>
    public int Unchanged { get; init; }

    /// <summary>Links the import's linking pass made (see <see cref="InventoryWriteResult.AutoLinked"/>).</summary>
    public int AutoLinked { get; init; }

    /// <summary>Hosts, across every vCenter, whose serial is shared by another host and so linked to nothing.</summary>
    public int Ambiguous { get; init; }
}
