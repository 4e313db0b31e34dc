namespace VcSync.Inventory.Records;

/// <summary>A triggered alarm (<c>vcenter_alarms</c>), one per <c>AlarmState.key</c>.</summary>
public sealed record AlarmRecord
{
    /// <summary><c>AlarmState.key</c>, unique per vCenter.</summary>
    public required string AlarmKey { get; init; }

    /// <summary>The entity the alarm fired on.</summary>
    public required string EntityMoref { get; init; }

    /// <summary>That entity's managed type.</summary>
    public required string EntityType { get; init; }

    /// <summary>That entity's name; null when it is not in the inventory tables.</summary>
    public string? EntityName { get; init; }

    /// <summary>The alarm definition.</summary>
    public required string AlarmMoref { get; init; }

    /// <summary><c>Alarm.info.name</c>.</summary>
    public string? AlarmName { get; init; }

    /// <summary><c>overallStatus</c>: red, yellow, green or gray.</summary>
    public string? OverallStatus { get; init; }

    /// <summary><c>time</c>, UTC.</summary>
    public DateTimeOffset? TriggeredAt { get; init; }

    /// <summary><c>acknowledged</c>.</summary>
    public bool Acknowledged { get; init; }

    /// <summary><c>acknowledgedByUser</c>.</summary>
    public string? AcknowledgedBy { get; init; }

    /// <summary><c>acknowledgedTime</c>, UTC.</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }
}
