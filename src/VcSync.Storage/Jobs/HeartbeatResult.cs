namespace VcSync.Storage.Jobs;

/// <summary>What a worker learns when it beats for its job.</summary>
/// <param name="StillOwned">False when the job is no longer this worker's running job (taken over or ended): stop.</param>
/// <param name="CancelRequested">Whether someone asked to cancel it.</param>
public sealed record HeartbeatResult(bool StillOwned, bool CancelRequested);
