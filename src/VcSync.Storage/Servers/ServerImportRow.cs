namespace VcSync.Storage.Servers;

/// <summary>One Dell server to upsert into <c>servers</c>, keyed by its service tag.</summary>
public sealed record ServerImportRow
{
    /// <summary>The service tag; the store keeps it trimmed and upper-cased.</summary>
    public required string ServiceTag { get; init; }

    /// <summary>The server's host name, or null.</summary>
    public string? Hostname { get; init; }

    /// <summary>The model, e.g. <c>PowerEdge R750</c>, or null.</summary>
    public string? Model { get; init; }

    /// <summary>The iDRAC address, or null.</summary>
    public string? IdracIp { get; init; }
}
