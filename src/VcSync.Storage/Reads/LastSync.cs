namespace VcSync.Storage.Reads;

/// <summary>A vCenter's last successful sync, as far as the database knows it.</summary>
/// <param name="VCenter">The vCenter's name.</param>
/// <param name="CompletedAt">When it ended (the vCenter's <c>last_sync_at</c> when that sync completed, else the newest completed job's end).</param>
/// <param name="Duration">How long the newest completed sync job ran; null when no job ran.</param>
/// <param name="Objects">The objects that job fetched; null when unknown.</param>
public sealed record LastSync(string VCenter, DateTimeOffset? CompletedAt, TimeSpan? Duration, long? Objects);
