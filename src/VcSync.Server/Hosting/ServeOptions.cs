using System.Net;
using VcSync.Sync.Jobs;
using VcSync.Sync.Watch;

namespace VcSync.Server.Hosting;

/// <summary>How <c>vcsync serve</c> listens, who may read and write, and what it runs beside the web server.</summary>
public sealed record ServeOptions
{
    /// <summary>The address and port to listen on; port 0 picks a free one.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8080);

    /// <summary>The API token; null when none is configured (then every write is refused).</summary>
    public string? Token { get; init; }

    /// <summary>When the token is needed for reads too, let GET requests through without it.</summary>
    public bool AllowAnonymousRead { get; init; }

    /// <summary>Run the job worker in the same process with these options; null runs none.</summary>
    public WorkerOptions? Worker { get; init; }

    /// <summary>Keep every enabled vCenter live in the same process with these options (one watcher per vCenter across all workers); null watches none.</summary>
    public WatchOptions? Watch { get; init; }

    /// <summary>How long the change history is kept when this process runs the worker or the watchers (it prunes hourly).</summary>
    public HistoryRetention HistoryRetention { get; init; } = HistoryRetention.Default;

    /// <summary>How long a host may take to stop (the worker's grace period is added to it).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests served at once; more wait in line (a job's event stream holds its place while it lasts).</summary>
    public int MaxConcurrentRequests { get; init; } = 32;

    /// <summary>Requests that may wait in line; beyond that the server answers 503.</summary>
    public int MaxQueuedRequests { get; init; } = 10_000;

    /// <summary>How often a job's event stream looks for a change.</summary>
    public TimeSpan EventPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether reads need the token; null decides by <see cref="Listen"/>: they do beyond the loopback interface.</summary>
    public bool? TokenForReads { get; init; }

    /// <summary>Whether GET requests need the token.</summary>
    public bool ReadsNeedToken => (TokenForReads ?? !IPAddress.IsLoopback(Listen.Address)) && !AllowAnonymousRead;

    /// <summary>Refuses to listen beyond loopback without a token.</summary>
    /// <exception cref="ArgumentException">The options are not safe to run.</exception>
    public void Validate()
    {
        if ((!IPAddress.IsLoopback(Listen.Address) || TokenForReads == true) && string.IsNullOrEmpty(Token))
        {
            throw new ArgumentException(
                $"listening on {Listen} (beyond loopback) needs an API token: set VCSYNC_API_TOKEN or pass --token-file");
        }

        if (Token is { Length: > 0 and < 16 })
        {
            throw new ArgumentException("the API token must be at least 16 characters long");
        }
    }
}
