namespace VcSync.Storage.Alarms;

/// <summary>Which triggered alarms <see cref="IInventoryStore.ListAlarmsAsync"/> lists.</summary>
public sealed record AlarmQuery
{
    /// <summary>Only this vCenter's alarms; null for every vCenter.</summary>
    public Guid? VCenterId { get; init; }

    /// <summary>Only alarms with this <c>overall_status</c> (<c>red</c>, <c>yellow</c>); null for any.</summary>
    public string? Status { get; init; }
}
