namespace VcSync.Vim.PropertyCollector;

/// <summary>What a wire-floor retrieval fetched without decoding it.</summary>
/// <param name="Pages">Pages fetched.</param>
/// <param name="Bytes">Response bytes as on the wire.</param>
/// <param name="Objects">Objects counted (occurrences of <c>&lt;objects</c>).</param>
public readonly record struct RawRetrieveResult(int Pages, long Bytes, long Objects);
