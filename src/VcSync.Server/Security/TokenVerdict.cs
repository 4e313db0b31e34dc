namespace VcSync.Server.Security;

/// <summary>What a request's bearer token amounts to.</summary>
internal enum TokenVerdict
{
    /// <summary>No <c>Authorization: Bearer</c> header.</summary>
    Missing,

    /// <summary>A token that is not the configured one.</summary>
    Wrong,

    /// <summary>The configured token.</summary>
    Valid,
}
