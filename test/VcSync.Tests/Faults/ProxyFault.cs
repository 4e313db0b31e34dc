namespace VcSync.Tests.Faults;

/// <summary>What <see cref="FaultProxy"/> does to a response it was told to spoil.</summary>
internal enum ProxyFaultKind
{
    /// <summary>Send the first bytes of the real response, then close the connection.</summary>
    CutAfterBytes,

    /// <summary>Accept the request and send nothing until the client gives up.</summary>
    Stall,

    /// <summary>Answer HTTP 500 with an HTML page, as a broken reverse proxy does.</summary>
    Html500,

    /// <summary>Answer HTTP 503 with an HTML page, as vCenter's front end does while vpxd starts.</summary>
    Http503,

    /// <summary>Send a complete HTTP response whose SOAP body is cut short (Content-Length of the cut body).</summary>
    TruncatedBody,
}

/// <summary>
/// Spoil the responses to <paramref name="Method"/> (or <c>*</c>): let <paramref name="Skip"/> of them through, then
/// spoil the next <paramref name="Count"/>. <paramref name="Bytes"/> picks how many bytes of the real response are sent
/// (for cuts and truncations), from the response's full length.
/// </summary>
internal sealed record ProxyFault(string Method, ProxyFaultKind Kind, int Skip = 0, int Count = 1, Func<int, int>? Bytes = null)
{
    public static ProxyFault Cut(string method, Func<int, int> bytes, int skip = 0, int count = 1) =>
        new(method, ProxyFaultKind.CutAfterBytes, skip, count, bytes);
}
