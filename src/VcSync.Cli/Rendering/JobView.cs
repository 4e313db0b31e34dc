using System.Text.Json.Nodes;
using VcSync.Storage.Jobs;

namespace VcSync.Cli.Rendering;

/// <summary>Jobs as rows and JSON documents, with the result as JSON rather than a string holding JSON.</summary>
internal static class JobView
{
    public static IReadOnlyDictionary<string, object?> Summary(JobRow job) => new Dictionary<string, object?>
    {
        ["id"] = job.Id,
        ["job_type"] = job.JobType,
        ["status"] = job.Status.ToText(),
        ["target_vcenter_id"] = job.TargetVCenterId,
        ["vcenter"] = job.TargetVCenterName,
        ["created_at"] = job.CreatedAt,
        ["started_at"] = job.StartedAt,
        ["completed_at"] = job.CompletedAt,
        ["worker_id"] = job.WorkerId,
        ["heartbeat_at"] = job.HeartbeatAt,
        ["cancel_requested"] = job.CancelRequested,
        ["error"] = job.Error,
    };

    public static IReadOnlyDictionary<string, object?> Detail(JobRow job)
    {
        var document = new Dictionary<string, object?>(Summary(job))
        {
            ["progress"] = Progress(job),
            ["tasks"] = job.Tasks.Select(t => new Dictionary<string, object?>
            {
                ["name"] = t.Name.ToText(),
                ["label"] = t.Label,
                ["status"] = t.Status.ToText(),
                ["progress"] = t.Progress,
                ["message"] = t.Message,
                ["started_at"] = t.StartedAt,
                ["completed_at"] = t.CompletedAt,
            }).ToList(),
            ["result"] = job.Result is null ? null : JsonNode.Parse(job.Result),
        };
        return document;
    }

    /// <summary>The job's progress: the mean of its tasks', 0 to 100.</summary>
    public static int Progress(JobRow job) => job.Tasks.Count == 0 ? 0 : (int)Math.Round(job.Tasks.Average(t => t.Progress));
}
