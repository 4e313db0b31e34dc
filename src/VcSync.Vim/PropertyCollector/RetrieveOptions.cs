namespace VcSync.Vim.PropertyCollector;

/// <summary>Options of a paged PropertyCollector retrieval.</summary>
public sealed class RetrieveOptions
{
    /// <summary>The page size to ask for (<c>maxObjects</c>); the server may still cut pages smaller. Unset lets the server choose.</summary>
    public int? MaxObjects { get; init; }

    /// <summary>Called after each page has been read, for progress reporting. Runs on the reading path: keep it quick.</summary>
    public Action<PageProgress>? OnPage { get; init; }

    /// <summary>Properties to trim while they stream in (see <see cref="PropertyValueFilter"/>), at most one per path.</summary>
    public IReadOnlyList<PropertyValueFilter>? ValueFilters { get; init; }
}
