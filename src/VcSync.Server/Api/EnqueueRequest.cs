using System.Text.Json.Serialization;

namespace VcSync.Server.Api;

/// <summary>The body of <c>POST /api/v1/jobs</c>.</summary>
public sealed record EnqueueRequest
{
    /// <summary>The name of the vCenter to sync.</summary>
    [JsonPropertyName("vcenter")]
    public string? VCenter { get; init; }
}
