using System.Globalization;
using System.Security.Authentication;
using VcSync.Vim.Faults;
using VcSync.Vim.Session;
using VcSync.Vim.Xml;

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
            case VimXmlException { Kind: VimXmlError.DocumentType } xml:
                return new VimProtocolException($"The response to {method} contains a document type declaration, which is refused.", xml);
            case VimXmlException { Kind: VimXmlError.TooLarge } xml:
                return new VimProtocolException($"The response to {method} exceeds the size limit (MaxResponseCharacters): {xml.Message}", xml);
            case VimXmlException { Kind: VimXmlError.Truncated } xml:
                return new VimProtocolException($"The response to {method} was cut short: {xml.Message}", transient: true, xml);
            case VimXmlException xml:
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
