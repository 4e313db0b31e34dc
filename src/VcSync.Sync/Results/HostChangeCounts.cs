using System.Text.Json.Serialization;
using VcSync.Storage;

namespace VcSync.Sync.Results;

/// <summary>The hosts entry of the sync result: table counts plus what auto-linking did.</summary>
public sealed class HostChangeCounts : ChangeCounts
{
    /// <summary>Hosts linked to a Dell server by service tag.</summary>
    [JsonPropertyName("auto_linked")]
    [JsonPropertyOrder(1)]
    public int AutoLinked { get; init; }

    /// <summary>Hosts whose serial is shared by another host, so linked to nothing.</summary>
    [JsonPropertyName("ambiguous")]
    [JsonPropertyOrder(2)]
    public int Ambiguous { get; init; }

    /// <summary>The counts of the hosts table's write plus linking counts.</summary>
    public static HostChangeCounts From(TableChanges changes, int autoLinked, int ambiguous) => new()
    {
        New = changes.New,
        Updated = changes.Updated,
        Deleted = changes.Deleted,
        Unchanged = changes.Unchanged,
        AutoLinked = autoLinked,
        Ambiguous = ambiguous,
    };
}
