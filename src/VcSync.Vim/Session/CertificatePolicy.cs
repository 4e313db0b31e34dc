using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace VcSync.Vim.Session;

/// <summary>Decides whether to trust the server's certificate: system validation, a pinned SHA-256 thumbprint, or insecure.</summary>
internal sealed class CertificatePolicy
{
    private readonly string? _pinnedThumbprint;
    private readonly bool _insecure;
    private readonly ILogger _logger;
    private volatile CertificateRefusal? _lastRefusal;
    private int _insecureWarned;

    public CertificatePolicy(string? pinnedThumbprint, bool insecure, ILogger logger)
    {
        _pinnedThumbprint = pinnedThumbprint;
        _insecure = insecure;
        _logger = logger;
    }

    /// <summary>
    /// True when the decision ignores the system's trust store (a pinned thumbprint, or insecure mode): the TLS layer then
    /// need not load that store to build a chain nobody reads.
    /// </summary>
    public bool IgnoresSystemTrust => _insecure || _pinnedThumbprint is not null;

    /// <summary>The last certificate refused, to explain a failed TLS handshake.</summary>
    public CertificateRefusal? LastRefusal => _lastRefusal;

    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (_insecure)
        {
            if (Interlocked.Exchange(ref _insecureWarned, 1) == 0)
            {
                _logger.LogWarning("Server certificate not validated (insecure mode)");
            }

            return true;
        }

        if (certificate is null)
        {
            _lastRefusal = new CertificateRefusal(string.Empty, "the server sent no certificate");
            return false;
        }

        var thumbprint = ComputeThumbprint(certificate);
        if (_pinnedThumbprint is not null)
        {
            if (string.Equals(thumbprint, _pinnedThumbprint, StringComparison.Ordinal))
            {
                return true;
            }

            _lastRefusal = new CertificateRefusal(thumbprint, $"it does not match the pinned thumbprint {_pinnedThumbprint}");
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        _lastRefusal = new CertificateRefusal(thumbprint, $"it is not trusted ({errors})");
        return false;
    }

    /// <summary>The SHA-256 hash of the certificate's DER encoding as upper-case hex.</summary>
    public static string ComputeThumbprint(X509Certificate certificate) =>
        certificate.GetCertHashString(HashAlgorithmName.SHA256).ToUpperInvariant();

    /// <summary>Upper-case hex without separators; refuses anything but 64 hex digits.</summary>
    public static string NormaliseThumbprint(string thumbprint)
    {
        var chars = new List<char>(64);
        foreach (var c in thumbprint)
        {
            if (c is ':' or '-' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                throw new ArgumentException($"The thumbprint '{thumbprint}' is not hex.", nameof(thumbprint));
            }

            chars.Add(char.ToUpperInvariant(c));
        }

        if (chars.Count != 64)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The thumbprint has {chars.Count} hex digits; a SHA-256 thumbprint has 64."),
                nameof(thumbprint));
        }

        return new string(chars.ToArray());
    }
}
