namespace VcSync.Storage.Jobs;

/// <summary>A task's new state. Entering <c>running</c> stamps <c>started_at</c>; a finished status stamps <c>completed_at</c>.</summary>
/// <param name="Name">The task, e.g. <c>inventory</c>.</param>
/// <param name="Status">See <see cref="JobStatus"/>.</param>
/// <param name="Progress">0 to 100.</param>
/// <param name="Message">For a person.</param>
public sealed record JobTaskUpdate(JobTaskName Name, JobStatus Status, int Progress, string? Message);
