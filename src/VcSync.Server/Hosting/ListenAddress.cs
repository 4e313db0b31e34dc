using System.Globalization;
using System.Net;

namespace VcSync.Server.Hosting;

/// <summary>Parses <c>--listen</c>: <c>ADDRESS:PORT</c>, <c>[IPv6]:PORT</c>, <c>localhost:PORT</c>, or a bare port (on 127.0.0.1).</summary>
public static class ListenAddress
{
    /// <summary>The endpoint <paramref name="value"/> names.</summary>
    /// <exception cref="FormatException">It names no address and port.</exception>
    public static IPEndPoint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : text[..colon];
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            host = "127.0.0.1";
        }

        if (!IPAddress.TryParse(host, out var address)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            throw new FormatException($"--listen must be ADDRESS:PORT (e.g. 127.0.0.1:8080 or [::1]:8080); got '{value}'");
        }

        return new IPEndPoint(address, port);
    }
}
