using System.Text.Json.Serialization;

namespace VcSync.Sync.Results;

/// <summary>The sync result of the schema contract: what one full sync changed, and what it cost.</summary>
public sealed class SyncResult
{
    /// <summary><c>vcenter_clusters</c>.</summary>
    [JsonPropertyName("clusters")]
    public required ChangeCounts Clusters { get; init; }

    /// <summary><c>vcenter_hosts</c>, with auto-linking counts.</summary>
    [JsonPropertyName("hosts")]
    public required HostChangeCounts Hosts { get; init; }

    /// <summary><c>vcenter_vms</c>.</summary>
    [JsonPropertyName("vms")]
    public required ChangeCounts Vms { get; init; }

    /// <summary><c>vcenter_datastores</c>.</summary>
    [JsonPropertyName("datastores")]
    public required ChangeCounts Datastores { get; init; }

    /// <summary><c>vcenter_networks</c>.</summary>
    [JsonPropertyName("networks")]
    public required ChangeCounts Networks { get; init; }

    /// <summary><c>vcenter_alarms</c>.</summary>
    [JsonPropertyName("alarms")]
    public required ChangeCounts Alarms { get; init; }

    /// <summary>Inventory objects fetched, distributed switches included.</summary>
    [JsonPropertyName("total_objects")]
    public int TotalObjects { get; init; }

    /// <summary>SOAP calls made, login and logout included.</summary>
    [JsonPropertyName("soap_calls")]
    public int SoapCalls { get; init; }

    /// <summary>Time spent fetching from vCenter.</summary>
    [JsonPropertyName("fetch_time_ms")]
    public long FetchTimeMs { get; init; }

    /// <summary>Time spent mapping and writing the database.</summary>
    [JsonPropertyName("process_time_ms")]
    public long ProcessTimeMs { get; init; }

    /// <summary>
    /// Values read but not stored (their columns are NULL): each is a warning in the log and a <c>value_warning</c>
    /// row of the activity log.
    /// </summary>
    [JsonPropertyName("warnings")]
    public int Warnings { get; init; }
}
