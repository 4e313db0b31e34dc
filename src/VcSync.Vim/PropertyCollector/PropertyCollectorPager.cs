using System.Globalization;
using VcSync.Vim.Xml;
using Microsoft.Extensions.Logging;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>
/// Streams the objects of <c>RetrievePropertiesEx</c> and its <c>ContinueRetrievePropertiesEx</c> pages, parsing each page
/// as it arrives. As soon as a page's token is read (servers write it before the objects) the next page is requested on
/// another connection, so the server works on it while this one is parsed. Whoever stops early (error, cancellation,
/// <c>break</c>) gets the live token cancelled on disposal: a page whose token has not been seen yet is read (or skipped)
/// up to it first, including a page requested ahead.
/// </summary>
internal sealed class PropertyCollectorPager : IAsyncDisposable
{
    private static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(2);

    private readonly SoapTransport _transport;
    private readonly ManagedObjectReference _collector;
    private readonly PropertyFilterSpec _spec;
    private readonly RetrieveOptions? _options;
    private readonly ILogger _logger;
    private readonly XmlNames _names = new();
    private readonly ValueDecoder _decoder;
    private readonly ObjectContentReader _reader;
    private Func<VimXmlReader, ObjectContent?>? _readNext;
    private SoapCall? _call;
    private Task<Prefetched>? _prefetch;
    private CancellationToken _cancellationToken;
    private PageState _state;
    private string? _liveToken;
    private bool _tokenSeenOnPage;
    private bool _finished;
    private bool _sessionLost;
    private int _page;
    private long _objects;
    private long _bytes;

    public PropertyCollectorPager(
        SoapTransport transport, ManagedObjectReference collector, PropertyFilterSpec spec, RetrieveOptions? options, ILogger logger)
    {
        _transport = transport;
        _collector = collector;
        _spec = spec;
        _options = options;
        _logger = logger;
        _decoder = new ValueDecoder(_names);
        _reader = new ObjectContentReader(_names, _decoder, options?.ValueFilters);
    }

    private enum PageState
    {
        Start,
        InResponse,
        InResult,
        Done,
    }

    public ObjectContent? Current { get; private set; }

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _cancellationToken = cancellationToken;
            if (_call is null)
            {
                if (_finished)
                {
                    return false;
                }

                if (_prefetch is not null)
                {
                    await TakePrefetchedAsync().ConfigureAwait(false);
                }
                else
                {
                    await StartPageAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            var call = _call!;
            await call.FillAsync().ConfigureAwait(false);
            ObjectContent? next;
            try
            {
                // One delegate for the pager: a method group would allocate one per object.
                next = call.Parse(_readNext ??= ReadNext);
            }
            catch (VimProtocolException error)
            {
                throw Located(error);
            }

            if (next is not null)
            {
                _objects++;
                Current = next;
                ThrowIfSessionLost(next);
                return true;
            }

            try
            {
                await call.FinishAsync().ConfigureAwait(false);
            }
            catch (VimProtocolException error)
            {
                throw Located(error);
            }

            EndPage(call);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeCurrentAsync().ConfigureAwait(false);
        if (_prefetch is not null)
        {
            try
            {
                await TakePrefetchedAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogDebug("The page requested ahead failed: {Error}", e.Message);
            }

            await DisposeCurrentAsync().ConfigureAwait(false);
        }

        var token = _liveToken;
        _liveToken = null;
        if (token is not null && !_sessionLost)
        {
            await CancelTokenAsync(token).ConfigureAwait(false);
        }
    }

    private async Task DisposeCurrentAsync()
    {
        var call = _call;
        _call = null;
        if (call is not null)
        {
            if (!call.Broken && _state != PageState.Done && !_tokenSeenOnPage && !_sessionLost && !_finished)
            {
                await DrainAsync(call).ConfigureAwait(false);
            }

            call.Dispose();
        }
    }

    private async Task<Prefetched> PrefetchAsync(string token)
    {
        const string method = "ContinueRetrievePropertiesEx";
        var body = SoapRequestWriter.Write(method, _collector, [new("token", token)]);
        var call = await _transport.SendAsync(method, body, CancellationGrace, null, _cancellationToken).ConfigureAwait(false);
        try
        {
            await call.ReceiveAsync().ConfigureAwait(false);
            return new Prefetched(call, null);
        }
        catch (Exception e)
        {
            return new Prefetched(call, e);
        }
    }

    private async Task TakePrefetchedAsync()
    {
        var prefetch = _prefetch!;
        _prefetch = null;

        // Should the request itself fail, the token it carried may still be live and stays to be cancelled.
        var (call, error) = await prefetch.ConfigureAwait(false);
        _liveToken = null;
        _call = call;
        _state = PageState.Start;
        _tokenSeenOnPage = false;
        if (error is not null)
        {
            throw error;
        }

        call.OpenReader(_names, _decoder);
    }

    private async Task StartPageAsync(CancellationToken cancellationToken)
    {
        var continuing = _liveToken is not null;
        var method = continuing ? "ContinueRetrievePropertiesEx" : "RetrievePropertiesEx";
        KeyValuePair<string, object?>[] args = continuing
            ? [new("token", _liveToken)]
            : [new("specSet", _spec), new("options", WireOptions())];
        var body = SoapRequestWriter.Write(method, _collector, args);
        _call = await _transport.SendAsync(method, body, CancellationGrace, null, cancellationToken).ConfigureAwait(false);

        // The server has answered, so the token it was given is spent; the page's own token is read from its body.
        _liveToken = null;
        _state = PageState.Start;
        _tokenSeenOnPage = false;
        await _call.OpenAsync(_names, _decoder).ConfigureAwait(false);
    }

    private void EndPage(SoapCall call)
    {
        _page++;
        _bytes += call.WireBytes;
        _transport.Counters.AddPage();
        call.Dispose();
        _call = null;
        _finished = _liveToken is null;
        _logger.LogDebug("Page {Page}: {Objects} objects so far, more: {More}", _page, _objects, !_finished);
        _options?.OnPage?.Invoke(new PageProgress(_page, _objects, _bytes));
    }

    /// <summary>Reads up to the next object of the page, or to the page's end (null).</summary>
    private ObjectContent? ReadNext(VimXmlReader r) => Advance(r, skipObjects: false);

    private ObjectContent? Advance(VimXmlReader r, bool skipObjects)
    {
        if (_state == PageState.Start)
        {
            if (r.IsEmptyElement)
            {
                r.Read();
                _state = PageState.Done;
                return null;
            }

            r.Read();
            _state = PageState.InResponse;
        }

        while (_state != PageState.Done)
        {
            var type = r.MoveToContent();
            if (type == XmlNodeKind.None)
            {
                throw new VimProtocolException("The response ended inside a RetrieveResult.", transient: true);
            }

            if (type == XmlNodeKind.EndElement)
            {
                r.Read();
                _state = _state == PageState.InResult ? PageState.InResponse : PageState.Done;
                continue;
            }

            var name = r.LocalName;
            if (_state == PageState.InResponse)
            {
                if (ReferenceEquals(name, _names.ReturnVal) && !r.IsEmptyElement)
                {
                    r.Read();
                    _state = PageState.InResult;
                }
                else
                {
                    r.Skip();
                }
            }
            else if (ReferenceEquals(name, _names.Objects))
            {
                if (!skipObjects)
                {
                    return _reader.Read(r);
                }

                r.Skip();
            }
            else if (ReferenceEquals(name, _names.Token))
            {
                var token = _decoder.ReadElementText(r);
                _liveToken = token.Length > 0 ? token : null;
                _tokenSeenOnPage = true;
                if (_liveToken is not null && !skipObjects && _prefetch is null)
                {
                    _prefetch = PrefetchAsync(_liveToken);
                }
            }
            else
            {
                r.Skip();
            }
        }

        return null;
    }

    /// <summary>The error, saying which page, object and property were being read.</summary>
    private VimProtocolException Located(VimProtocolException error) => new(
        string.Create(CultureInfo.InvariantCulture, $"{error.Message.TrimEnd('.')} (page {_page + 1}, {_reader.Location})."),
        error.IsTransient,
        error);

    private void ThrowIfSessionLost(ObjectContent content)
    {
        foreach (var missing in content.MissingSet)
        {
            if (FaultHierarchy.IsA(missing.FaultType, "NotAuthenticated"))
            {
                _sessionLost = true;
                throw new NotAuthenticatedException(
                    missing.FaultType, missing.Message ?? $"The session is no longer authenticated (missingSet of {content.Obj}).");
            }
        }
    }

    private DataObject WireOptions()
    {
        var fields = new List<KeyValuePair<string, object?>>();
        if (_options?.MaxObjects is int maxObjects)
        {
            fields.Add(new("maxObjects", maxObjects));
        }

        return new DataObject(string.Empty, fields);
    }

    private async Task DrainAsync(SoapCall call)
    {
        try
        {
            call.ReplaceDeadline(TokenCanceller.Budget(_transport));
            if (!call.IsOpen)
            {
                call.OpenReader(_names, _decoder);
            }

            while (_state != PageState.Done && !_tokenSeenOnPage)
            {
                // After a network failure only the buffered bytes remain; parsing stops where they end.
                if (!call.NetworkFailed)
                {
                    await call.FillAsync().ConfigureAwait(false);
                }

                call.Parse(r => Advance(r, skipObjects: true));
            }
        }
        catch (Exception e)
        {
            _logger.LogWarning("Could not read the rest of an abandoned page to find its token: {Error}", e.Message);
        }
    }

    private Task CancelTokenAsync(string token) => TokenCanceller.CancelAsync(_transport, _collector, token, _logger);

    private sealed record Prefetched(SoapCall Call, Exception? Error);

}
