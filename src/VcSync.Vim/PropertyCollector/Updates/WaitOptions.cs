namespace VcSync.Vim.PropertyCollector;

/// <summary>Options of <c>WaitForUpdatesEx</c>.</summary>
public sealed record WaitOptions
{
    /// <summary>
    /// How long the server may wait for a change before answering without one: null waits as long as needed, 0 checks once.
    /// The call's HTTP timeout is stretched to cover it.
    /// </summary>
    public int? MaxWaitSeconds { get; init; }

    /// <summary>The most objects in one answer (servers cap it lower, vCenter near 100); null leaves it to the server.</summary>
    public int? MaxObjectUpdates { get; init; }

    /// <summary>
    /// Properties to trim while they stream in (see <see cref="PropertyValueFilter"/>), at most one per path, applied to the
    /// values of changes that name the path itself, as <see cref="RetrieveOptions.ValueFilters"/> does for a retrieval.
    /// </summary>
    public IReadOnlyList<PropertyValueFilter>? ValueFilters { get; init; }

    /// <summary>
    /// Skip every changed value unread (each <see cref="PropertyChange.Value"/> is null; the XML is still checked): for a
    /// client that only needs to know which objects and paths changed.
    /// </summary>
    public bool SkipValues { get; init; }
}
