namespace VcSync.Storage.Jobs;

/// <summary>A row of <c>job_tasks</c>: one phase of a job.</summary>
public sealed record JobTaskRow
{
    /// <summary>Surrogate key.</summary>
    public required Guid Id { get; init; }

    /// <summary>The phase: <c>connect</c>, <c>inventory</c> or <c>alarms</c>.</summary>
    public required JobTaskName Name { get; init; }

    /// <summary>For a person.</summary>
    public string? Label { get; init; }

    /// <summary>See <see cref="JobStatus"/>.</summary>
    public required JobStatus Status { get; init; }

    /// <summary>0 to 100.</summary>
    public int Progress { get; init; }

    /// <summary>What it is doing, e.g. "Fetched 3,000 of ~10,000 objects".</summary>
    public string? Message { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
