using System.Text.Json;
using System.Text.Json.Serialization;
using VcSync.Storage.Jobs;

namespace VcSync.Server.Api;

/// <summary>A job with its phases, as <c>GET /api/v1/jobs/{id}</c> and its event stream show it.</summary>
public sealed record JobResource
{
    /// <summary>Its id.</summary>
    public required Guid Id { get; init; }

    /// <summary><c>vcenter_sync</c>.</summary>
    public required string JobType { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The vCenter it syncs; null for every enabled one.</summary>
    [JsonPropertyName("target_vcenter_id")]
    public Guid? TargetVCenterId { get; init; }

    /// <summary>That vCenter's name.</summary>
    [JsonPropertyName("vcenter")]
    public string? VCenter { get; init; }

    /// <summary>When it was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The worker holding it.</summary>
    public string? WorkerId { get; init; }

    /// <summary>Its worker's last sign of life.</summary>
    public DateTimeOffset? HeartbeatAt { get; init; }

    /// <summary>Whether a cancel was asked for.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>The sync result, once completed.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Whether it is over.</summary>
    public bool Finished => JobStatusText.Parse(Status).IsFinished();

    /// <summary>Its phases, in order.</summary>
    public IReadOnlyList<JobTaskResource> Tasks { get; init; } = [];

    /// <summary>Relation name to API path.</summary>
    public IReadOnlyDictionary<string, string> Links { get; init; } = new Dictionary<string, string>();

    /// <summary>The API's view of a job row.</summary>
    public static JobResource From(JobRow job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var links = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["self"] = ApiLinks.Job(job.Id),
            ["events"] = ApiLinks.Job(job.Id) + "/events",
            ["cancel"] = ApiLinks.Job(job.Id) + "/cancel",
        };
        if (job.TargetVCenterId is { } vcenter)
        {
            links["vcenter"] = $"{ApiLinks.Prefix}/vcenters/{vcenter}";
        }

        JsonElement? result = null;
        if (job.Result is { } json)
        {
            using var document = JsonDocument.Parse(json);
            result = document.RootElement.Clone();
        }

        return new JobResource
        {
            Id = job.Id,
            JobType = job.JobType,
            Status = job.Status.ToText(),
            TargetVCenterId = job.TargetVCenterId,
            VCenter = job.TargetVCenterName,
            CreatedAt = job.CreatedAt,
            StartedAt = job.StartedAt,
            CompletedAt = job.CompletedAt,
            WorkerId = job.WorkerId,
            HeartbeatAt = job.HeartbeatAt,
            CancelRequested = job.CancelRequested,
            Result = result,
            Error = job.Error,
            Tasks =
            [
                .. job.Tasks.Select(t => new JobTaskResource
                {
                    Name = t.Name.ToText(),
                    Label = t.Label,
                    Status = t.Status.ToText(),
                    Progress = t.Progress,
                    Message = t.Message,
                    StartedAt = t.StartedAt,
                    CompletedAt = t.CompletedAt,
                }),
            ],
            Links = links,
        };
    }
}
