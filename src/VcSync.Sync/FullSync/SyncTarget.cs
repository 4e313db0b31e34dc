using VcSync.Storage;
using VcSync.Sync.Reliability;

namespace VcSync.Sync.FullSync;

/// <summary>What a sync needs to reach one registered vCenter.</summary>
public sealed record SyncTarget
{
    /// <summary>The registered vCenter.</summary>
    public required VCenterRow VCenter { get; init; }

    /// <summary>Its password. Never logged, never stored in plain text.</summary>
    public required string Password { get; init; }

    /// <summary>The job the sync runs in, if any, for the activity log.</summary>
    public Guid? JobId { get; init; }

    /// <summary>The longest any one SOAP call may take.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How transient vCenter failures are retried.</summary>
    public SyncRetryOptions Retry { get; init; } = SyncRetryOptions.Default;

    /// <summary>The page size to ask for; null leaves it to the server (about 100 objects on vCenter).</summary>
    public int? MaxObjectsPerPage { get; init; }

    /// <summary>The previous sync's object count, shown as the estimate while fetching.</summary>
    public int? ExpectedObjects { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{VCenter.Name} ({VCenter.Url})";
}
