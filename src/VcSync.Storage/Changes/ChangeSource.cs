namespace VcSync.Storage.Changes;

/// <summary>The values of <c>inventory_changes.source</c>: what wrote the change.</summary>
public static class ChangeSource
{
    /// <summary>A full sync.</summary>
    public const string Sync = "sync";

    /// <summary>The watcher (WaitForUpdatesEx).</summary>
    public const string Watch = "watch";
}
