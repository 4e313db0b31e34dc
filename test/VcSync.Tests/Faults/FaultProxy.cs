using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace VcSync.Tests.Faults;

/// <summary>
/// A fault-injecting HTTPS proxy on 127.0.0.1 in front of the simulator. It ends TLS itself (with a self-signed
/// certificate the client pins) so that it can see which SOAP method each request calls and spoil that response:
/// cut the connection after N bytes, stall, answer 500/503 HTML or a truncated SOAP body. Everything else is passed
/// on unchanged, one HTTP/1.1 request at a time per connection (keep-alive), without gzip so bodies can be cut.
/// </summary>
internal sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly Uri _upstream;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ProxyFault> _faults = [];
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private Task? _acceptLoop;
    private int _spoiled;

    public FaultProxy(Uri upstream)
    {
        _upstream = upstream;
        _certificate = CreateCertificate();
        Thumbprint = Convert.ToHexString(SHA256.HashData(_certificate.RawData));
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The proxy's SDK URL, to give the client instead of the simulator's.</summary>
    public Uri SdkUrl { get; private set; } = new("https://127.0.0.1/sdk");

    /// <summary>The SHA-256 thumbprint of the proxy's certificate.</summary>
    public string Thumbprint { get; }

    /// <summary>How many responses were spoiled so far.</summary>
    public int Spoiled => Volatile.Read(ref _spoiled);

    /// <summary>How many requests of <paramref name="method"/> reached the proxy.</summary>
    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public static FaultProxy Start(Uri upstream)
    {
        var proxy = new FaultProxy(upstream);
        proxy._listener.Start();
        proxy.SdkUrl = new Uri($"https://127.0.0.1:{((IPEndPoint)proxy._listener.LocalEndpoint).Port}/sdk");
        proxy._acceptLoop = proxy.AcceptLoopAsync();
        return proxy;
    }

    public void Inject(ProxyFault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault with { });
        }
    }

    /// <summary>Forgets every fault not yet used and the call counts.</summary>
    public void Reset()
    {
        lock (_faults)
        {
            _faults.Clear();
        }

        _calls.Clear();
        Interlocked.Exchange(ref _spoiled, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await Task.WhenAll(_connections.Keys);
        _http.Dispose();
        _certificate.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = ServeAsync(client);
            _connections.TryAdd(connection, true);
            _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var owned = client;
        try
        {
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stopping.Token);
            while (await ReadRequestAsync(tls) is { } request)
            {
                var method = MethodPattern().Match(Encoding.UTF8.GetString(request.Body)) is { Success: true } m ? m.Groups[1].Value : "?";
                _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
                var fault = Claim(method);
                if (!await RespondAsync(tls, request, fault))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException
                                      or System.Security.Authentication.AuthenticationException or HttpRequestException)
        {
            // The client went away, the upstream is down, or the proxy is stopping: the connection just closes.
        }
    }

    /// <summary>Answers one request; false when the connection must close.</summary>
    private async Task<bool> RespondAsync(SslStream tls, ProxyRequest request, ProxyFault? fault)
    {
        switch (fault?.Kind)
        {
            case ProxyFaultKind.Stall:
                // Send nothing; wait for the client to give up (it closes: the read returns 0) or the proxy to stop.
                _ = await tls.ReadAsync(new byte[1], _stopping.Token);
                return false;
            case ProxyFaultKind.Html500:
                await WriteAsync(tls, Html(500, "Internal Server Error", "<html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>"));
                return true;
            case ProxyFaultKind.Http503:
                await WriteAsync(tls, Html(503, "Service Unavailable", "<html><head><title>503 Service Unavailable</title></head><body>vpxd is starting</body></html>"));
                return true;
        }

        var (head, body) = await ForwardAsync(request);
        switch (fault?.Kind)
        {
            case ProxyFaultKind.CutAfterBytes:
                var whole = Concat(Head(head, body.Length), body);
                var keep = Math.Clamp(fault.Bytes!(whole.Length), 0, whole.Length - 1);
                await tls.WriteAsync(whole.AsMemory(0, keep), _stopping.Token);
                await tls.FlushAsync(_stopping.Token);
                return false;
            case ProxyFaultKind.TruncatedBody:
                var cut = Math.Clamp(fault.Bytes?.Invoke(body.Length) ?? body.Length / 2, 0, body.Length - 1);
                await WriteAsync(tls, Concat(Head(head, cut), body.AsSpan(0, cut).ToArray()));
                return true;
            default:
                await WriteAsync(tls, Concat(Head(head, body.Length), body));
                return true;
        }
    }

    private async Task<(string Head, byte[] Body)> ForwardAsync(ProxyRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_upstream, request.Path)) { Content = new ByteArrayContent(request.Body) };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name.Equals("SOAPAction", StringComparison.OrdinalIgnoreCase) || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _http.SendAsync(message, _stopping.Token);
        var body = await response.Content.ReadAsByteArrayAsync(_stopping.Token);
        var head = new StringBuilder($"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        if (response.Content.Headers.ContentType is { } type)
        {
            head.Append($"Content-Type: {type}\r\n");
        }

        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                head.Append($"Set-Cookie: {cookie}\r\n");
            }
        }

        return (head.ToString(), body);
    }

    private ProxyFault? Claim(string method)
    {
        lock (_faults)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if (fault.Method != "*" && fault.Method != method)
                {
                    continue;
                }

                if (fault.Skip > 0)
                {
                    _faults[i] = fault with { Skip = fault.Skip - 1 };
                    continue;
                }

                _faults[i] = fault with { Count = fault.Count - 1 };
                if (fault.Count <= 1)
                {
                    _faults.RemoveAt(i);
                }

                Interlocked.Increment(ref _spoiled);
                return fault;
            }
        }

        return null;
    }

    private async Task WriteAsync(SslStream tls, byte[] bytes)
    {
        await tls.WriteAsync(bytes, _stopping.Token);
        await tls.FlushAsync(_stopping.Token);
    }

    private static byte[] Head(string head, int length) =>
        Encoding.ASCII.GetBytes(head + $"Content-Length: {length}\r\nConnection: keep-alive\r\n\r\n");

    private static byte[] Html(int status, string reason, string html)
    {
        var body = Encoding.UTF8.GetBytes(html);
        return Concat(Head($"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\n", body.Length), body);
    }

    private static byte[] Concat(byte[] head, byte[] body)
    {
        var all = new byte[head.Length + body.Length];
        head.CopyTo(all, 0);
        body.CopyTo(all, head.Length);
        return all;
    }

    private async Task<ProxyRequest?> ReadRequestAsync(Stream stream)
    {
        var headBytes = new List<byte>(1024);
        var one = new byte[1];
        while (headBytes.Count < 4 || !(headBytes[^4] == '\r' && headBytes[^3] == '\n' && headBytes[^2] == '\r' && headBytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stopping.Token) == 0)
            {
                return null;
            }

            headBytes.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. headBytes]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var path = lines[0].Split(' ')[1];
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => (Name: parts[0].Trim(), Value: parts[1].Trim()))
            .ToList();
        var length = headers.Where(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h.Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stopping.Token);
        return new ProxyRequest(path, headers, body);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=vcsync-fault-proxy", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    [GeneratedRegex(@"<(?:\w+:)?Body[^>]*>\s*<(?:\w+:)?(\w+)")]
    private static partial Regex MethodPattern();

    private sealed record ProxyRequest(string Path, List<(string Name, string Value)> Headers, byte[] Body);
}
