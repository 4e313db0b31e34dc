using VcSync.Vim;

namespace VcSync.Sync.Probe;

/// <summary>What a probe found: the server, and how many objects of each inventory type one retrieval returned.</summary>
public sealed record ProbeResult
{
    /// <summary>The server's <c>about</c>.</summary>
    public required AboutInfo About { get; init; }

    /// <summary>Objects per managed type, in the order of the plan's seven types.</summary>
    public required IReadOnlyDictionary<string, int> Objects { get; init; }

    /// <summary>PropertyCollector pages fetched.</summary>
    public required long Pages { get; init; }

    /// <summary>SOAP calls made, login and logout included.</summary>
    public required long SoapCalls { get; init; }

    /// <summary>Response bytes read.</summary>
    public required long Bytes { get; init; }

    /// <summary>Time from the view's creation to the last page.</summary>
    public required long FetchTimeMs { get; init; }
}
