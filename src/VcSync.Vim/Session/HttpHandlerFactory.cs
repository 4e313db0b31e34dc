using System.Net;
using System.Net.Security;

namespace VcSync.Vim.Session;

/// <summary>Builds the HTTPS handler: certificate policy, no automatic cookies or redirects, gzip handled by the transport.</summary>
internal static class HttpHandlerFactory
{
    public static SocketsHttpHandler Create(VimClientOptions options, CertificatePolicy certificates)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => certificates.Validate(certificate, errors),
            },
        };
        if (options.CallTimeout != Timeout.InfiniteTimeSpan)
        {
            handler.ConnectTimeout = options.CallTimeout;
        }

        return handler;
    }
}
