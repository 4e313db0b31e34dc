using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using VcSync.Vim.Xml;
using VcSync.Vim.Faults;
using VcSync.Vim.Values;

namespace VcSync.Vim.Soap;

/// <summary>
/// One SOAP exchange whose response is being read: the HTTP response, its (decompressed) body, and once opened the
/// <see cref="VimXmlReader"/> positioned on the method's response element. Disposing it aborts whatever is unread.
/// </summary>
internal sealed partial class SoapCall : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly CountingStream _wire;
    private readonly SoapTransport _transport;
    private CancellationTokenRegistration _abort;
    private ReadAheadStream? _readAhead;
    private VimXmlReader? _reader;
    private bool _disposed;

    public SoapCall(string method, HttpResponseMessage response, CountingStream wire, Stream body, CallDeadline deadline, SoapTransport transport)
    {
        _wire = wire;
        Method = method;
        _response = response;
        _body = body;
        _transport = transport;
        Deadline = deadline;
        _abort = deadline.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
    }

    public string Method { get; }

    public CallDeadline Deadline { get; private set; }

    /// <summary>Whether the response is HTTP 200 with an XML body (not a fault, not an error page).</summary>
    public bool IsSuccessfulXml =>
        _response.StatusCode == HttpStatusCode.OK && _response.Content.Headers.ContentType?.MediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) != false;

    /// <summary>Body bytes read so far as on the wire.</summary>
    public long WireBytes => _wire.BytesRead;

    /// <summary>The decompressed body, for readers that do not parse XML.</summary>
    public Stream Body => _body;

    public VimXmlReader Reader => _reader ?? throw new InvalidOperationException("The response has not been opened.");

    /// <summary>Set once parsing failed (or a fault was read): the reader cannot go on.</summary>
    public bool Broken { get; private set; }

    /// <summary>Set once a network read failed: only what is already buffered can still be parsed.</summary>
    public bool NetworkFailed { get; private set; }

    /// <summary>Whether the XML reader has been created.</summary>
    public bool IsOpen => _reader is not null;

    /// <summary>Whether the body has been read to its end.</summary>
    public bool BodyComplete => _readAhead?.AtEndOfInput == true;

    /// <summary>Checks the HTTP status, opens the XML body, raises a SOAP fault as its exception, and stops on the response element.</summary>
    public async Task OpenAsync(XmlNames names, ValueDecoder decoder)
    {
        await ReceiveAsync().ConfigureAwait(false);
        OpenReader(names, decoder);
    }

    /// <summary>Checks the HTTP status and buffers the start of the body; touches no name table, so it may run beside a parse.</summary>
    public async Task ReceiveAsync()
    {
        await CheckStatusAsync().ConfigureAwait(false);
        _readAhead = new ReadAheadStream(_body, Deadline, _transport.Counters.AddBytesDecoded);
        await FillAsync().ConfigureAwait(false);
    }

    /// <summary>Creates the reader over what is buffered and moves to the response element, raising a SOAP fault.</summary>
    public void OpenReader(XmlNames names, ValueDecoder decoder)
    {
        if (_readAhead is null)
        {
            throw new InvalidOperationException("The status has not been checked.");
        }

        try
        {
            _reader = new VimXmlReader(_readAhead, names.Table, _transport.MaxResponseBytes);
            MoveToResponseElement(names, decoder);
        }
        catch (Exception e)
        {
            Broken = true;
            throw Translate(e);
        }
    }

    private async Task CheckStatusAsync()
    {
        try
        {
            var status = (int)_response.StatusCode;
            var mediaType = _response.Content.Headers.ContentType?.MediaType;
            var isXml = mediaType is null || mediaType.Contains("xml", StringComparison.OrdinalIgnoreCase);
            if (!isXml || (status != 200 && status != 500))
            {
                // A gateway in front of vpxd answers 502/503/504 while vpxd restarts or is overloaded: worth asking again.
                throw new VimProtocolException(
                    $"HTTP {status} {_response.ReasonPhrase} ({mediaType ?? "no content type"}) from {_transport.Uri.Authority} " +
                    $"for {Method} where a SOAP response was expected{await ReadSnippetAsync().ConfigureAwait(false)}",
                    transient: status is 502 or 503 or 504);
            }
        }
        catch (Exception e)
        {
            Broken = true;
            throw Translate(e);
        }
    }

    /// <summary>Buffers ahead before the next synchronous parse.</summary>
    public async ValueTask FillAsync()
    {
        try
        {
            await _readAhead!.FillAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            NetworkFailed = true;
            throw Translate(e);
        }
    }

    /// <summary>Reads what is left of the document, so that truncation is noticed and the connection can be reused.</summary>
    public async ValueTask FinishAsync()
    {
        try
        {
            var reader = Reader;
            do
            {
                await FillAsync().ConfigureAwait(false);
            }
            while (Parse(static r => r.Read()));
        }
        catch (Exception e)
        {
            throw Translate(e);
        }
    }

    /// <summary>Runs a synchronous parse step, translating its failures.</summary>
    public T Parse<T>(Func<VimXmlReader, T> step)
    {
        try
        {
            return step(Reader);
        }
        catch (Exception e)
        {
            Broken = true;
            throw Translate(e);
        }
    }

    /// <summary>Gives the rest of the call a fresh budget that the original caller can no longer cancel.</summary>
    public void ReplaceDeadline(TimeSpan budget)
    {
        var old = Deadline;
        _abort.Dispose();
        Deadline = new CallDeadline(budget, TimeSpan.Zero, CancellationToken.None);
        _abort = Deadline.Token.Register(static state => ((HttpResponseMessage)state!).Dispose(), _response);
        if (_readAhead is not null)
        {
            _readAhead.Deadline = Deadline;
        }

        old.Dispose();
    }

    public Exception Translate(Exception error) => SoapErrors.Translate(error, Deadline, Method, _transport.Uri, _transport.Certificates);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _abort.Dispose();
        _reader?.Dispose();
        _readAhead?.Dispose();
        _body.Dispose();
        _response.Dispose();
        Deadline.Dispose();
    }

    private void MoveToResponseElement(XmlNames names, ValueDecoder decoder)
    {
        var r = _reader!;
        if (r.MoveToContent() != XmlNodeKind.Element || !IsSoap(r, names.Envelope, names) || r.IsEmptyElement)
        {
            throw new VimProtocolException($"The response to {Method} is not a SOAP envelope (it starts with <{r.Name}>).");
        }

        r.Read();
        while (r.MoveToContent() == XmlNodeKind.Element && IsSoap(r, names.Header, names))
        {
            r.Skip();
        }

        if (r.NodeType != XmlNodeKind.Element || !IsSoap(r, names.Body, names) || r.IsEmptyElement)
        {
            throw new VimProtocolException($"The response to {Method} has no SOAP body.");
        }

        r.Read();
        if (r.MoveToContent() != XmlNodeKind.Element)
        {
            throw new VimProtocolException($"The SOAP body of the response to {Method} is empty.");
        }

        if (IsSoap(r, names.Fault, names))
        {
            throw SoapFaultReader.Read(r, names, decoder);
        }
    }

    private static bool IsSoap(VimXmlReader r, string localName, XmlNames names) =>
        string.Equals(r.LocalName, localName, StringComparison.Ordinal) && string.Equals(r.NamespaceURI, names.SoapEnv, StringComparison.Ordinal);

    private async Task<string> ReadSnippetAsync()
    {
        try
        {
            var buffer = new byte[4096];
            var length = 0;
            int n;
            Deadline.Arm();
            try
            {
                while (length < buffer.Length && (n = await _body.ReadAsync(buffer.AsMemory(length), Deadline.Token).ConfigureAwait(false)) > 0)
                {
                    length += n;
                }
            }
            finally
            {
                Deadline.Disarm();
            }

            var text = Encoding.UTF8.GetString(buffer, 0, length);
            var title = TitlePattern().Match(text);
            text = title.Success ? title.Groups[1].Value : TagPattern().Replace(text, " ");
            text = WebUtility.HtmlDecode(SpacePattern().Replace(text, " ")).Trim();
            return text.Length == 0 ? "." : ": " + (text.Length > 200 ? text[..200] + "..." : text);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HttpRequestException or InvalidDataException or ObjectDisposedException)
        {
            return ".";
        }
    }

    [GeneratedRegex("<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
