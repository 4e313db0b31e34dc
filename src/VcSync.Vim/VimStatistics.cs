namespace VcSync.Vim;

/// <summary>A snapshot of what a <see cref="VimClient"/> has done so far.</summary>
/// <param name="SoapCalls">SOAP calls sent, whatever their outcome.</param>
/// <param name="BytesRead">Response body bytes as received on the wire (after TLS, before gzip decompression).</param>
/// <param name="BytesDecoded">Response body bytes after gzip decompression: the XML that was read. Equals <paramref name="BytesRead"/> without gzip.</param>
/// <param name="Pages">PropertyCollector result pages read (<c>RetrievePropertiesEx</c> and each <c>ContinueRetrievePropertiesEx</c>).</param>
public readonly record struct VimStatistics(long SoapCalls, long BytesRead, long BytesDecoded, long Pages)
{
    /// <summary>What was done between two snapshots.</summary>
    public static VimStatistics operator -(VimStatistics later, VimStatistics earlier) => new(
        later.SoapCalls - earlier.SoapCalls,
        later.BytesRead - earlier.BytesRead,
        later.BytesDecoded - earlier.BytesDecoded,
        later.Pages - earlier.Pages);

    /// <summary>What was done between two snapshots.</summary>
    public static VimStatistics Subtract(VimStatistics later, VimStatistics earlier) => later - earlier;
}
