namespace VcSync.Storage;

/// <summary>What it takes to register a vCenter.</summary>
public sealed record VCenterRegistration
{
    /// <summary>Unique display name.</summary>
    public required string Name { get; init; }

    /// <summary>The SDK URL.</summary>
    public required string Url { get; init; }

    /// <summary>The user to log in as.</summary>
    public required string Username { get; init; }

    /// <summary>A pinned SHA-256 certificate thumbprint, if any.</summary>
    public string? TlsThumbprint { get; init; }

    /// <summary>Whether certificate checks are off.</summary>
    public bool TlsInsecure { get; init; }
}
