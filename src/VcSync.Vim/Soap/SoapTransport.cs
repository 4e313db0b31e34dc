using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using VcSync.Vim.Session;
using VcSync.Vim.Values;

namespace VcSync.Vim.Soap;

/// <summary>Sends vim25 requests over one <see cref="HttpClient"/>: SOAPAction, session cookie, gzip, timeouts and statistics.</summary>
internal sealed class SoapTransport : IDisposable
{
    private const string CookieName = "vmware_soap_session";
    private static readonly MediaTypeHeaderValue XmlContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");

    private readonly HttpClient _http;
    private readonly VimClientOptions _options;
    private readonly ILogger _logger;
    private volatile string? _cookie;

    public SoapTransport(HttpMessageHandler handler, VimClientOptions options, CertificatePolicy? certificates, ILogger logger)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _options = options;
        _logger = logger;
        Certificates = certificates;
        Uri = options.SdkUri;
    }

    public Uri Uri { get; }

    public CertificatePolicy? Certificates { get; }

    public SoapCounters Counters { get; } = new();

    public TimeSpan CallTimeout => _options.CallTimeout;

    /// <summary>The API version sent in <c>SOAPAction</c>; 6.5 until the server has told its own.</summary>
    public string ApiVersion { get; set; } = "6.5";

    /// <summary>The session cookie value, once the server has set one.</summary>
    public string? SessionCookie
    {
        get => _cookie;
        set => _cookie = value;
    }

    /// <summary>Sends a request and returns the call with its response headers read; the body is not touched yet.</summary>
    public async Task<SoapCall> SendAsync(
        string method, byte[] body, TimeSpan cancellationGrace, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deadline = new CallDeadline(timeout ?? _options.CallTimeout, cancellationGrace, cancellationToken);
        Counters.AddCall();
        _options.CallCounter?.Add();
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Post, Uri) { Content = new ByteArrayContent(body), Version = new Version(1, 1) };
        request.Content.Headers.ContentType = XmlContentType;
        request.Headers.TryAddWithoutValidation("SOAPAction", "urn:vim25/" + ApiVersion);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var cookie = _cookie;
        if (cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{CookieName}={cookie}");
        }

        HttpResponseMessage? response = null;
        var armed = true;
        deadline.Arm();
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            KeepCookie(response);
            var raw = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            var counting = new CountingStream(raw, Counters.AddBytesRead);
            Stream stream = counting;
            if (response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }

            _logger.LogDebug(
                "{Method} answered HTTP {Status} in {Elapsed} ms",
                method,
                (int)response.StatusCode,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new SoapCall(method, response, counting, stream, deadline, this);
        }
        catch (Exception e)
        {
            var error = SoapErrors.Translate(e, deadline, method, Uri, Certificates);
            response?.Dispose();
            deadline.Disarm();
            armed = false;
            deadline.Dispose();
            _logger.LogDebug("{Method} failed: {Error}", method, error.Message);
            if (ReferenceEquals(error, e))
            {
                throw;
            }

            throw error;
        }
        finally
        {
            if (armed)
            {
                deadline.Disarm();
            }
        }
    }

    /// <summary>Sends a request and opens its response on the method's response element (a fault is thrown).</summary>
    public async Task<SoapCall> CallAsync(
        string method, ManagedObjectReference @this, IReadOnlyList<KeyValuePair<string, object?>> args, XmlNames names, ValueDecoder decoder,
        TimeSpan cancellationGrace, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var body = SoapRequestWriter.Write(method, @this, args);
        var call = await SendAsync(method, body, cancellationGrace, timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            await call.OpenAsync(names, decoder).ConfigureAwait(false);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>The most bytes one response may have (<see cref="VimClientOptions.MaxResponseCharacters"/>: UTF-8 has at least one byte per character).</summary>
    public long MaxResponseBytes => _options.MaxResponseCharacters;

    public void Dispose() => _http.Dispose();

    private void KeepCookie(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var header in values)
        {
            var pair = header.AsSpan();
            var semicolon = pair.IndexOf(';');
            if (semicolon >= 0)
            {
                pair = pair[..semicolon];
            }

            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals].Trim().SequenceEqual(CookieName))
            {
                _cookie = pair[(equals + 1)..].Trim().ToString();
            }
        }
    }
}
