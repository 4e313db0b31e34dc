namespace VcSync.Storage;

/// <summary>One row for the <c>idrac_commands</c> activity log (<c>operation_type = 'vcenter_api'</c>).</summary>
public sealed record ActivityRecord
{
    /// <summary>The job this happened in, if any.</summary>
    public Guid? JobId { get; init; }

    /// <summary><c>login</c>, <c>property_collector_fetch</c>, <c>alarms_fetch</c>, ...</summary>
    public required string Operation { get; init; }

    /// <summary>Where it went, e.g. <c>vc01 - PropertyCollector</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Whether it succeeded.</summary>
    public required bool Success { get; init; }

    /// <summary>How long it took.</summary>
    public int ResponseTimeMs { get; init; }

    /// <summary>A JSON document: counts, pages, bytes.</summary>
    public string? DetailsJson { get; init; }

    /// <summary>The error, one line, when it failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
