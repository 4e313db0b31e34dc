namespace VcSync.Storage;

/// <summary>A row of the <c>vcenters</c> table.</summary>
public sealed record VCenterRow
{
    /// <summary>Surrogate key.</summary>
    public required Guid Id { get; init; }

    /// <summary>Unique display name.</summary>
    public required string Name { get; init; }

    /// <summary>The SDK URL, e.g. <c>https://vc01.example.com/sdk</c>.</summary>
    public required string Url { get; init; }

    /// <summary>The user VcSync logs in as.</summary>
    public required string Username { get; init; }

    /// <summary>A pinned SHA-256 certificate thumbprint, if any.</summary>
    public string? TlsThumbprint { get; init; }

    /// <summary>Whether certificate checks are off for this vCenter.</summary>
    public bool TlsInsecure { get; init; }

    /// <summary>Whether unattended syncs include this vCenter.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>about.instanceUuid</c> from the last sync.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary><c>about.apiVersion</c> from the last sync.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>When the last sync ended.</summary>
    public DateTimeOffset? LastSyncAt { get; init; }

    /// <summary><c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public SyncStatus? LastSyncStatus { get; init; }

    /// <summary>The last sync's error, one line.</summary>
    public string? LastSyncError { get; init; }
}
