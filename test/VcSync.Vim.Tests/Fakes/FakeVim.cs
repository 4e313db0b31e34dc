
namespace VcSync.Vim.Tests.Fakes;

/// <summary>An in-memory vim25 endpoint: routes requests by SOAP method and records them.</summary>
internal sealed class FakeVim : HttpMessageHandler
{
    private readonly Dictionary<string, Func<FakeRequest, CancellationToken, Task<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);
    private readonly List<FakeRequest> _requests = [];
    private readonly HashSet<string> _openTokens = [];

    public FakeVim()
    {
        On("RetrieveServiceContent", _ => SoapXml.Ok(SoapXml.ServiceContentXml));
    }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Tokens handed out by <see cref="Pages"/> and neither continued nor cancelled.</summary>
    public IReadOnlyCollection<string> OpenTokens
    {
        get
        {
            lock (_openTokens)
            {
                return [.. _openTokens];
            }
        }
    }

    public IReadOnlyList<FakeRequest> RequestsFor(string method) => [.. Requests.Where(r => r.Method == method)];

    public FakeVim On(string method, Func<FakeRequest, HttpResponseMessage> respond)
    {
        _routes[method] = (request, _) => Task.FromResult(respond(request));
        return this;
    }

    public FakeVim OnAsync(string method, Func<FakeRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _routes[method] = respond;
        return this;
    }

    /// <summary>Serves pages: the first for RetrievePropertiesEx, the next ones for each token in turn ("t1", "t2", ...).</summary>
    public FakeVim Pages(bool tokenFirst, params IReadOnlyList<string>[] pages)
    {
        HttpResponseMessage Page(int index, bool continuing)
        {
            var token = index + 1 < pages.Length ? $"t{index + 1}" : null;
            lock (_openTokens)
            {
                if (token is not null)
                {
                    _openTokens.Add(token);
                }
            }

            var body = SoapXml.Page(pages[index], token, tokenFirst);
            if (continuing)
            {
                body = body.Replace("RetrievePropertiesExResponse", "ContinueRetrievePropertiesExResponse", StringComparison.Ordinal);
            }

            return SoapXml.Ok(body);
        }

        On("RetrievePropertiesEx", _ => Page(0, false));
        On("ContinueRetrievePropertiesEx", request =>
        {
            var token = request.Arg("token")!;
            if (!Close(token))
            {
                return SoapXml.Fault("InvalidArgument", "A specified parameter was not correct: token");
            }

            return Page(int.Parse(token.AsSpan(1), provider: null), true);
        });
        On("CancelRetrievePropertiesEx", request => Close(request.Arg("token")!)
            ? SoapXml.Ok("<CancelRetrievePropertiesExResponse xmlns=\"urn:vim25\"></CancelRetrievePropertiesExResponse>")
            : SoapXml.Fault("InvalidArgument", "A specified parameter was not correct: token"));
        return this;
    }

    private bool Close(string token)
    {
        lock (_openTokens)
        {
            return _openTokens.Remove(token);
        }
    }

    public Task<VimClient> ConnectAsync(TimeSpan? callTimeout = null, CancellationToken cancellationToken = default) =>
        VimClient.ConnectAsync(
            new VimClientOptions { Url = new Uri("vc.test", UriKind.RelativeOrAbsolute), CallTimeout = callTimeout ?? TimeSpan.FromSeconds(30) }, this, cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var fake = new FakeRequest(body, request);
        lock (_requests)
        {
            _requests.Add(fake);
        }

        if (_routes.TryGetValue(fake.Method, out var route))
        {
            return await route(fake, cancellationToken);
        }

        return SoapXml.Fault("MethodNotFound", $"Method {fake.Method} not found in the fake");
    }
}
