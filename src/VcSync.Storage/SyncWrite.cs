using VcSync.Inventory.Records;

namespace VcSync.Storage;

/// <summary>Everything a successful full sync writes, in one transaction.</summary>
public sealed record SyncWrite
{
    /// <summary>The vCenter synced.</summary>
    public required Guid VCenterId { get; init; }

    /// <summary>What was read.</summary>
    public required InventorySnapshot Snapshot { get; init; }

    /// <summary>The sync's time: <c>first_seen_at</c> of new rows and <c>last_sync_at</c> of changed ones.</summary>
    public required DateTimeOffset SyncedAt { get; init; }

    /// <summary><c>about.instanceUuid</c>.</summary>
    public string? InstanceUuid { get; init; }

    /// <summary><c>about.apiVersion</c>.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>Activity rows to insert with the write.</summary>
    public IReadOnlyList<ActivityRecord> Activities { get; init; } = [];
}
