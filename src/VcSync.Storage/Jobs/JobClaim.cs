namespace VcSync.Storage.Jobs;

/// <summary>A job a worker now holds, <c>running</c>, with its tasks reset to <c>pending</c>.</summary>
/// <param name="Job">The job as claimed.</param>
/// <param name="TakenOver">Whether it was taken from a worker that stopped beating.</param>
/// <param name="PreviousWorkerId">That worker, when taken over.</param>
public sealed record JobClaim(JobRow Job, bool TakenOver, string? PreviousWorkerId);
