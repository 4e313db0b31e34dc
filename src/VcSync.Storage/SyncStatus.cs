using System.Text.Json.Serialization;

namespace VcSync.Storage;

/// <summary>How a vCenter's last sync ended (<c>vcenters.last_sync_status</c>), stored as the text of <see cref="SyncStatusText"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SyncStatus>))]
public enum SyncStatus
{
    /// <summary>Written in full.</summary>
    [JsonStringEnumMemberName(SyncStatusText.Completed)]
    Completed,

    /// <summary>Ended by an error; nothing written but the outcome.</summary>
    [JsonStringEnumMemberName(SyncStatusText.Failed)]
    Failed,

    /// <summary>Cancelled (Ctrl-C, SIGTERM, a job's cancel request); nothing written but the outcome.</summary>
    [JsonStringEnumMemberName(SyncStatusText.Cancelled)]
    Cancelled,
}
