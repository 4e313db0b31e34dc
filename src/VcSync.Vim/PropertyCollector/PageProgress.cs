namespace VcSync.Vim.PropertyCollector;

/// <summary>Progress after one page of a PropertyCollector retrieval.</summary>
/// <param name="Page">The 1-based number of the page just read.</param>
/// <param name="ObjectsSoFar">Objects read so far over all pages.</param>
/// <param name="Bytes">Response bytes read so far over all pages, as on the wire.</param>
public readonly record struct PageProgress(int Page, long ObjectsSoFar, long Bytes);
