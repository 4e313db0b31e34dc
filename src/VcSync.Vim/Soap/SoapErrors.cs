using System.Globalization;
using System.Security.Authentication;
using System.Xml;
using VcSync.Vim.Faults;
using VcSync.Vim.Session;

namespace VcSync.Vim.Soap;

/// <summary>Turns what .NET throws during a call into the client's exceptions, keeping caller cancellation as it is.</summary>
internal static class SoapErrors
{
    public static Exception Translate(Exception error, CallDeadline deadline, string method, Uri uri, CertificatePolicy? certificates)
    {
        if (error is VimException)
        {
            return error;
        }

        if (deadline.Caller.IsCancellationRequested)
        {
            return error is OperationCanceledException canceled && canceled.CancellationToken == deadline.Caller
                ? canceled
                : new OperationCanceledException($"{method} was cancelled.", error, deadline.Caller);
        }

        if (deadline.TimedOut)
        {
            var seconds = deadline.Budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new VimTimeoutException($"{method} on {uri.Authority} did not complete within {seconds} s.", deadline.Budget, error);
        }

        switch (error)
        {
            case XmlException xml when xml.Message.Contains("DTD", StringComparison.Ordinal):
                return new VimProtocolException($"The response to {method} contains a document type declaration, which is refused.", xml);
            case XmlException xml when xml.Message.Contains("MaxCharacters", StringComparison.Ordinal):
                return new VimProtocolException($"The response to {method} exceeds the size limit (MaxResponseCharacters).", xml);
            case XmlException xml when IsTruncation(xml):
                return new VimProtocolException($"The response to {method} was cut short: {xml.Message}", transient: true, xml);
            case XmlException xml:
                return new VimProtocolException($"The response to {method} is not well-formed XML: {xml.Message}", xml);
            case InvalidDataException data:
                return new VimProtocolException($"The compressed response to {method} is corrupt: {data.Message}", data);
            case HttpRequestException http when FindAuthentication(http) is not null:
                var refusal = certificates?.LastRefusal;
                if (refusal is not null && refusal.Thumbprint.Length > 0)
                {
                    return new VimCertificateException(
                        $"The certificate of {uri.Authority} was refused because {refusal.Reason}. Its SHA-256 thumbprint is {refusal.Thumbprint}: " +
                        $"pass --thumbprint {refusal.Thumbprint} to trust it, or --insecure.",
                        refusal.Thumbprint,
                        http);
                }

                return new VimConnectionException($"TLS with {uri.Authority} failed: {FindAuthentication(http)!.Message}", http);
            case HttpRequestException http:
                return new VimConnectionException($"Cannot reach {uri.Authority} ({http.HttpRequestError}): {http.Message}", http);
            case IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException:
                return new VimConnectionException($"The connection to {uri.Authority} broke during {method}: {error.Message}", error);
            default:
                return error;
        }
    }

    /// <summary>
    /// Whether the document stopped before it was complete (the body ended early) rather than being malformed.
    /// XmlReader says so only in its message; its messages are not translated in this build. An attribute value left open ("unclosed literal string") is the end of the body too: a quote would close it.
    /// </summary>
    private static bool IsTruncation(XmlException xml) =>
        xml.Message.Contains("Unexpected end of file", StringComparison.Ordinal)
        || xml.Message.Contains("Root element is missing", StringComparison.Ordinal)
        || xml.Message.Contains("unclosed literal string", StringComparison.Ordinal);

    private static AuthenticationException? FindAuthentication(Exception error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is AuthenticationException authentication)
            {
                return authentication;
            }
        }

        return null;
    }
}
