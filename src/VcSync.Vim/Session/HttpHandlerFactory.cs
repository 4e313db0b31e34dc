using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

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
        if (certificates.IgnoresSystemTrust)
        {
            // The chain is still built for the callback, but against an empty custom root store, offline: OpenSSL then
            // does not load the system's certificate store, which cost about 90 ms of CPU at every login.
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                DisableCertificateDownloads = true,
                RevocationMode = X509RevocationMode.NoCheck,
            };
        }

        if (options.CallTimeout != Timeout.InfiniteTimeSpan)
        {
            handler.ConnectTimeout = options.CallTimeout;
        }

        return handler;
    }
}
