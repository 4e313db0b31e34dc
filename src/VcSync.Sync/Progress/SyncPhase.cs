namespace VcSync.Sync.Progress;

/// <summary>The three phases of a sync, as a job shows them.</summary>
public enum SyncPhase
{
    /// <summary>TLS, service content and login.</summary>
    Connect,

    /// <summary>The PropertyCollector fetch and the database write.</summary>
    Inventory,

    /// <summary>Triggered alarms and their definitions' names.</summary>
    Alarms,
}
