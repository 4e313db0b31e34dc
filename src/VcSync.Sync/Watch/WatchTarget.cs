using VcSync.Storage;

namespace VcSync.Sync.Watch;

/// <summary>The vCenter a watcher follows and how to log in to it.</summary>
public sealed record WatchTarget
{
    /// <summary>The registered vCenter (URL, user, TLS settings).</summary>
    public required VCenterRow VCenter { get; init; }

    /// <summary>Its password; never logged.</summary>
    public required string Password { get; init; }

    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"{VCenter.Username}@{VCenter.Url}";
}
