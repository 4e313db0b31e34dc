namespace VcSync.Storage.Jobs;

/// <summary>
/// The job a write is made for and the worker making it: the write commits only if, inside its transaction, the job is
/// still <c>running</c> and held by that worker. A worker that lost its job (missed heartbeats, taken over) can then
/// never overwrite its new owner's work.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="WorkerId">The worker that claimed it.</param>
public sealed record JobFence(Guid JobId, string WorkerId);
