namespace VcSync.Storage.Jobs;

/// <summary>A row of <c>jobs</c>, with its target's name and (where asked for) its tasks.</summary>
public sealed record JobRow
{
    /// <summary>Surrogate key.</summary>
    public required Guid Id { get; init; }

    /// <summary>See <see cref="JobTypes"/>.</summary>
    public required string JobType { get; init; }

    /// <summary>See <see cref="JobStatus"/>.</summary>
    public required JobStatus Status { get; init; }

    /// <summary>The vCenter to sync; null for every enabled vCenter.</summary>
    public Guid? TargetVCenterId { get; init; }

    /// <summary>The target's name, when there is a target.</summary>
    public string? TargetVCenterName { get; init; }

    /// <summary>When it was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a worker (last) started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The worker holding or last holding it.</summary>
    public string? WorkerId { get; init; }

    /// <summary>Its worker's last sign of life.</summary>
    public DateTimeOffset? HeartbeatAt { get; init; }

    /// <summary>Whether someone asked to cancel it.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>The sync result JSON of the contract, once completed.</summary>
    public string? Result { get; init; }

    /// <summary>Why it failed, one line.</summary>
    public string? Error { get; init; }

    /// <summary>Its tasks, in phase order; empty unless loaded.</summary>
    public IReadOnlyList<JobTaskRow> Tasks { get; init; } = [];
}
