using System.CommandLine;
using VcSync.Vim;

namespace VcSync.Cli.CommandLine;

/// <summary>How to reach and log in to one vCenter, from flags, then <c>VCSYNC_*</c> variables.</summary>
internal sealed record ConnectionSettings(
    Uri Url, string Username, string Password, string? Thumbprint, bool Insecure, TimeSpan CallTimeout)
{
    public static ConnectionSettings Resolve(ParseResult parse)
    {
        var url = parse.GetValue(CliOptions.Url) ?? VcSyncEnvironment.Get("VCSYNC_URL")
            ?? throw new CliException("no vCenter URL: pass --url or set VCSYNC_URL");
        var username = parse.GetValue(CliOptions.Username) ?? VcSyncEnvironment.Get("VCSYNC_USERNAME")
            ?? throw new CliException("no user name: pass --username or set VCSYNC_USERNAME");
        var thumbprint = parse.GetValue(CliOptions.Thumbprint) ?? VcSyncEnvironment.Get("VCSYNC_THUMBPRINT");
        var insecure = parse.GetValue(CliOptions.Insecure) || VcSyncEnvironment.GetBool("VCSYNC_INSECURE");
        if (insecure && thumbprint is not null)
        {
            throw new CliException("--insecure and --thumbprint exclude each other: pin the certificate or skip the check, not both");
        }

        var timeout = parse.GetValue(CliOptions.Timeout);
        if (timeout <= 0)
        {
            throw new CliException("--timeout must be a positive number of seconds");
        }

        var password = ReadPassword(parse.GetValue(CliOptions.PasswordStdin));
        return new ConnectionSettings(ParseUrl(url), username, password, thumbprint, insecure, TimeSpan.FromSeconds(timeout));
    }

    public VimClientOptions ToClientOptions(Microsoft.Extensions.Logging.ILoggerFactory loggerFactory) => new()
    {
        Url = Url,
        Thumbprint = Thumbprint,
        Insecure = Insecure,
        CallTimeout = CallTimeout,
        LoggerFactory = loggerFactory,
    };

    /// <summary>Accepts <c>https://host</c>, <c>https://host/sdk</c> or a bare host name.</summary>
    public static Uri ParseUrl(string url)
    {
        var text = url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliException($"not a vCenter URL: '{url}'");
        }

        return uri;
    }

    private static string ReadPassword(bool fromStdin)
    {
        if (fromStdin)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line)
                ? throw new CliException("--password-stdin: standard input held no password")
                : line;
        }

        return VcSyncEnvironment.Get("VCSYNC_PASSWORD")
            ?? throw new CliException("no password: set VCSYNC_PASSWORD or pass --password-stdin");
    }

    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"{Username}@{Url}";
}
