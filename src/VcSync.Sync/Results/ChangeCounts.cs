using System.Text.Json.Serialization;
using VcSync.Storage;

namespace VcSync.Sync.Results;

/// <summary>The contract's per-table counts of one sync.</summary>
public class ChangeCounts
{
    /// <summary>Rows inserted.</summary>
    [JsonPropertyName("new")]
    public int New { get; init; }

    /// <summary>Rows whose contract columns changed.</summary>
    [JsonPropertyName("updated")]
    public int Updated { get; init; }

    /// <summary>Rows of objects gone from vCenter.</summary>
    [JsonPropertyName("deleted")]
    public int Deleted { get; init; }

    /// <summary>Rows confirmed as they were.</summary>
    [JsonPropertyName("unchanged")]
    public int Unchanged { get; init; }

    /// <summary>The counts of one table's write.</summary>
    public static ChangeCounts From(TableChanges changes) => new()
    {
        New = changes.New,
        Updated = changes.Updated,
        Deleted = changes.Deleted,
        Unchanged = changes.Unchanged,
    };
}
