using System.Text.Json.Serialization;

namespace VcSync.Storage.Jobs;

/// <summary>
/// The status of a job (<c>jobs.status</c>) or of one of its tasks (<c>job_tasks.status</c>). Stored and shown as the
/// lower-case text of <see cref="JobStatusText"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    /// <summary>Waiting for a worker (a job) or for its turn (a task).</summary>
    [JsonStringEnumMemberName(JobStatusText.Pending)]
    Pending,

    /// <summary>A worker holds it.</summary>
    [JsonStringEnumMemberName(JobStatusText.Running)]
    Running,

    /// <summary>Done.</summary>
    [JsonStringEnumMemberName(JobStatusText.Completed)]
    Completed,

    /// <summary>Ended by an error.</summary>
    [JsonStringEnumMemberName(JobStatusText.Failed)]
    Failed,

    /// <summary>Ended by a cancel request.</summary>
    [JsonStringEnumMemberName(JobStatusText.Cancelled)]
    Cancelled,
}
