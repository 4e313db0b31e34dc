using System.Text.Json.Serialization;

namespace VcSync.Storage.Jobs;

/// <summary>The tasks of a sync job (<c>job_tasks.name</c>), in the order they run; stored as the text of <see cref="JobTaskNameText"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobTaskName>))]
public enum JobTaskName
{
    /// <summary>TLS, service content and login.</summary>
    [JsonStringEnumMemberName(JobTaskNameText.Connect)]
    Connect,

    /// <summary>The paged retrieval of the inventory.</summary>
    [JsonStringEnumMemberName(JobTaskNameText.Inventory)]
    Inventory,

    /// <summary>Alarm definitions and the triggered alarms' write.</summary>
    [JsonStringEnumMemberName(JobTaskNameText.Alarms)]
    Alarms,
}
