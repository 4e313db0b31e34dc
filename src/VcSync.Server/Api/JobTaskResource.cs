namespace VcSync.Server.Api;

/// <summary>One phase of a job, as the API shows it.</summary>
public sealed record JobTaskResource
{
    /// <summary><c>connect</c>, <c>inventory</c> or <c>alarms</c>.</summary>
    public required string Name { get; init; }

    /// <summary>For a person.</summary>
    public string? Label { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>0 to 100.</summary>
    public int Progress { get; init; }

    /// <summary>What it is doing.</summary>
    public string? Message { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
