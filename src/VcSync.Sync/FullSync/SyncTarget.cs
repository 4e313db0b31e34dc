using VcSync.Storage;
using VcSync.Storage.Jobs;
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

    /// <summary>
    /// For a job's sync: its job and worker. The inventory write and the failure record commit only while the worker
    /// still holds the job (see <see cref="JobFence"/>).
    /// </summary>
    public JobFence? Fence { get; init; }

    /// <summary>The longest any one SOAP call may take.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The longest the whole sync may take, every attempt, wait and the database write included; past it the sync fails
    /// (status <c>failed</c>) and writes nothing. Beside <see cref="CallTimeout"/>, which bounds one call.
    /// </summary>
    public TimeSpan Deadline { get; init; } = DefaultDeadline;

    /// <summary>
    /// The default of <see cref="Deadline"/>: 10 minutes, far above a healthy sync (seconds at 45,000 VMs) and above the
    /// retries' own worst case, yet short enough that a vCenter dribbling pages cannot hold a worker for hours.
    /// </summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromMinutes(10);

    /// <summary>How transient vCenter failures are retried.</summary>
    public SyncRetryOptions Retry { get; init; } = SyncRetryOptions.Default;

    /// <summary>
    /// The page size to ask for (<c>maxObjects</c>); null leaves it to the server (about 100 objects on vCenter).
    /// </summary>
    /// <remarks>
    /// 1,000 by default: a tenth of the round trips of vCenter's default pages (49 instead of 481 calls at 45,000 VMs),
    /// while a page stays around a megabyte, which the client parses as it streams in. vCenter may still cut pages
    /// smaller by its own policy; the sync follows the tokens either way (see docs/benchmarks.md). The streamed sync
    /// asks smaller pages of VMs when there are few (<see cref="VmPageSize"/>), never larger ones.
    /// </remarks>
    public int? MaxObjectsPerPage { get; init; } = DefaultMaxObjectsPerPage;

    /// <summary>The default of <see cref="MaxObjectsPerPage"/>.</summary>
    public const int DefaultMaxObjectsPerPage = 1000;

    /// <summary>
    /// Sync incrementally: keep the vCenter session between runs (its cookie in this store, not logged out) with a change
    /// collector in it, and when the collector reports nothing changed since the database's inventory was read, record
    /// the sync without reading the inventory again. Null (the default): log in, read everything, log out.
    /// </summary>
    public Incremental.ISessionCookieStore? Sessions { get; init; }

    /// <summary>The previous sync's object count, shown as the estimate while fetching.</summary>
    public int? ExpectedObjects { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{VCenter.Name} ({VCenter.Url})";
}
