namespace VcSync.Storage.Changes;

/// <summary>Which history rows to list.</summary>
public sealed record ChangeQuery
{
    /// <summary>Only this vCenter's.</summary>
    public Guid? VCenterId { get; init; }

    /// <summary>Only changes at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only this object type (<c>vm</c>, <c>host</c>, <c>cluster</c>, <c>datastore</c>, <c>network</c>, <c>alarm</c>).</summary>
    public string? ObjectType { get; init; }

    /// <summary>Only this object.</summary>
    public string? Moref { get; init; }

    /// <summary>The most rows, newest first.</summary>
    public int Limit { get; init; } = 1000;
}
