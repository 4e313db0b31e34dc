using Microsoft.Extensions.Logging;
using VcSync.Vim.Session;

namespace VcSync.Vim;

/// <summary>Where and how <see cref="VimClient"/> connects.</summary>
public sealed class VimClientOptions
{
    /// <summary>
    /// The server: <c>https://host</c>, <c>https://host/sdk</c>, or a bare <c>host</c> / <c>host:port</c> (e.g.
    /// <c>new Uri("vc.lab", UriKind.RelativeOrAbsolute)</c>); the path becomes <c>/sdk</c>. See <see cref="NormaliseUrl(string)"/>.
    /// </summary>
    public required Uri Url { get; init; }

    /// <summary>
    /// The SHA-256 thumbprint of the server's leaf certificate to trust (hex; colons, spaces and case ignored).
    /// When set, that certificate is trusted even if the system does not trust it, and every other certificate is refused.
    /// </summary>
    public string? Thumbprint { get; init; }

    /// <summary>Trust any server certificate. Only for test labs: it gives up all protection against a man in the middle.</summary>
    public bool Insecure { get; init; }

    /// <summary>The limit for every SOAP call, from sending it to reading the last byte of its response. Default 60 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most characters one response may hold before it is refused as absurd. Default 512 Mi; each page is a response of its own.
    /// Counted as the body's UTF-8 bytes (at least one per character), so a body with non-ASCII text reaches it sooner.
    /// </summary>
    public long MaxResponseCharacters { get; init; } = 512L * 1024 * 1024;

    /// <summary>Where the client logs; nothing is logged when unset. Passwords are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Also counts every call of clients made with these options (e.g. all attempts of one retried sync).</summary>
    public SoapCallCounter? CallCounter { get; init; }

    /// <summary>The normalised endpoint, <c>https://host[:port]/sdk</c>.</summary>
    /// <exception cref="ArgumentException">The URL cannot be understood.</exception>
    public Uri SdkUri => NormaliseUrl(Url);

    internal string? NormalisedThumbprint => Thumbprint is null ? null : CertificatePolicy.NormaliseThumbprint(Thumbprint);

    internal void Validate()
    {
        _ = SdkUri;
        _ = NormalisedThumbprint;
        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("CallTimeout must be positive.", nameof(CallTimeout));
        }

        if (MaxResponseCharacters <= 0)
        {
            throw new ArgumentException("MaxResponseCharacters must be positive.", nameof(MaxResponseCharacters));
        }
    }

    /// <summary>The endpoint a URL stands for: <c>https://host/sdk</c> from <c>host</c>, <c>https://host</c> or <c>https://host/sdk</c>.</summary>
    /// <exception cref="ArgumentException">The URL cannot be understood.</exception>
    public static Uri NormaliseUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return NormaliseUrl(url.OriginalString);
    }

    /// <inheritdoc cref="NormaliseUrl(Uri)"/>
    public static Uri NormaliseUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{url}' is not a vCenter address; expected https://host or https://host/sdk.", nameof(url));
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length == 0)
        {
            path = "/sdk";
        }

        return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
    }
}
