namespace VcSync.Vim;

/// <summary>A snapshot of what a <see cref="VimClient"/> has done so far.</summary>
/// <param name="SoapCalls">SOAP calls sent, whatever their outcome.</param>
/// <param name="BytesRead">Response body bytes as received on the wire (after TLS, before gzip decompression).</param>
/// <param name="BytesDecoded">Response body bytes after gzip decompression: the XML that was read. Equals <paramref name="BytesRead"/> without gzip.</param>
/// <param name="Pages">PropertyCollector result pages read (<c>RetrievePropertiesEx</c> and each <c>ContinueRetrievePropertiesEx</c>).</param>
public readonly record struct VimStatistics(long SoapCalls, long BytesRead, long BytesDecoded, long Pages)
{
    /// <summary>What happened between two snapshots: <c>after - before</c>.</summary>
    public static VimStatistics operator -(VimStatistics after, VimStatistics before) => new(
        after.SoapCalls - before.SoapCalls,
        after.BytesRead - before.BytesRead,
        after.BytesDecoded - before.BytesDecoded,
        after.Pages - before.Pages);

    /// <summary>Named alternative to the subtraction operator.</summary>
    public static VimStatistics Subtract(VimStatistics after, VimStatistics before) => after - before;
}
