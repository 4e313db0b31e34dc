namespace VcSync.Storage.Reads;

/// <summary>One page of a listing: what to match, how to sort, and which rows.</summary>
public sealed record ListQuery
{
    /// <summary>The most rows one page may hold.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Rows whose name (or the resource's search columns) contains this, case-insensitively; null for all.</summary>
    public string? Search { get; init; }

    /// <summary>Only rows of this vCenter; null for every vCenter.</summary>
    public Guid? VCenterId { get; init; }

    /// <summary>Filters by name (see <see cref="ListResource.Filters"/>) and raw value; every one must match.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filters { get; init; } = [];

    /// <summary>A sortable column of the resource, with a leading <c>-</c> for descending; null for the default order.</summary>
    public string? Sort { get; init; }

    /// <summary>Rows per page, 1 to <see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>Rows to skip.</summary>
    public int Offset { get; init; }
}
