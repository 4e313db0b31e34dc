using System.Runtime.CompilerServices;
using VcSync.Vim.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Vim.Faults;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Session;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim;

/// <summary>
/// A streaming vSphere (vim25 SOAP) client: one HTTPS endpoint, one session. Calls may run concurrently.
/// Dispose it to log out (when logged in) and close its connections.
/// </summary>
public sealed partial class VimClient : IAsyncDisposable
{
    private static readonly ManagedObjectReference ServiceInstance = new("ServiceInstance", "ServiceInstance");
    private static readonly TimeSpan LogoutTimeout = TimeSpan.FromSeconds(5);

    private readonly SoapTransport _transport;
    private readonly ILogger _logger;
    private ServiceContent? _serviceContent;
    private volatile bool _loggedIn;
    private int _disposed;

    private VimClient(SoapTransport transport, ILogger logger)
    {
        _transport = transport;
        _logger = logger;
    }

    /// <summary>The server's entry points and version, read at connection.</summary>
    public ServiceContent ServiceContent => _serviceContent ?? throw new InvalidOperationException("Not connected.");

    /// <summary>The endpoint, <c>https://host/sdk</c>.</summary>
    public Uri SdkUri => _transport.Uri;

    /// <summary>Whether <see cref="LoginAsync"/> succeeded and no logout followed.</summary>
    public bool IsLoggedIn => _loggedIn;

    /// <summary>Counts of calls, bytes and pages so far.</summary>
    public VimStatistics Statistics => _transport.Counters.Snapshot();

    /// <summary>Connects, checks the certificate, and reads the service content (no login yet).</summary>
    /// <exception cref="VimCertificateException">The certificate is not trusted or not the pinned one.</exception>
    /// <exception cref="VimConnectionException">The server cannot be reached.</exception>
    public static Task<VimClient> ConnectAsync(VimClientOptions options, CancellationToken cancellationToken = default) =>
        ConnectAsync(options, null, cancellationToken);

    internal static async Task<VimClient> ConnectAsync(VimClientOptions options, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<VimClient>();
        var certificates = new CertificatePolicy(options.NormalisedThumbprint, options.Insecure, logger);
        handler ??= HttpHandlerFactory.Create(options, certificates);
        var client = new VimClient(new SoapTransport(handler, options, certificates, logger), logger);
        try
        {
            var content = await client.InvokeAsync("RetrieveServiceContent", ServiceInstance, [], cancellationToken).ConfigureAwait(false);
            client._serviceContent = ServiceContentMapper.Map(content as DataObject);
            if (client._serviceContent.About.ApiVersion.Length > 0)
            {
                client._transport.ApiVersion = client._serviceContent.About.ApiVersion;
            }

            logger.LogInformation("Connected to {Server} at {Url}, API {ApiVersion}", client._serviceContent.About.FullName, client.SdkUri, client._serviceContent.About.ApiVersion);
            return client;
        }
        catch
        {
            client._transport.Dispose();
            throw;
        }
    }

    /// <summary>Logs in; the session cookie is kept for every later call. The password is never logged nor put in an error.</summary>
    /// <returns>The <c>UserSession</c>.</returns>
    /// <exception cref="InvalidLoginException">The user name or password is wrong.</exception>
    public async Task<DataObject?> LoginAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var session = await InvokeAsync(
            "Login", ServiceContent.SessionManager, [new("userName", userName), new("password", password)], cancellationToken).ConfigureAwait(false);
        _loggedIn = true;
        _logger.LogInformation("Logged in to {Host} as {User}", SdkUri.Host, userName);
        return session as DataObject;
    }

    /// <summary>
    /// The session cookie (<c>vmware_soap_session</c>) once logged in or resumed, else null. It is a credential: whoever holds
    /// it acts as the logged-in user until the session ends.
    /// </summary>
    public string? SessionCookie => _loggedIn ? _transport.SessionCookie : null;

    /// <summary>
    /// Uses a session an earlier client logged in (its <see cref="SessionCookie"/>) instead of logging in. Nothing is sent:
    /// the first call that needs the session throws <see cref="NotAuthenticatedException"/> if it has ended meanwhile.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not a cookie value (RFC 6265 cookie-octets, optionally quoted).</exception>
    public void ResumeSession(string sessionCookie)
    {
        if (!IsCookieValue(sessionCookie))
        {
            throw new ArgumentException("Not a session cookie value.", nameof(sessionCookie));
        }

        _transport.SessionCookie = sessionCookie;
        _loggedIn = true;
        _logger.LogInformation("Resuming a session on {Host}", SdkUri.Host);
    }

    /// <summary>
    /// Whether <paramref name="text"/> can be sent as a cookie value: RFC 6265's cookie-octets (no space, comma, semicolon,
    /// backslash, quote or control character), optionally in double quotes, as vCenter's <c>vmware_soap_session</c> is.
    /// </summary>
    public static bool IsCookieValue(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var value = text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text.AsSpan(1, text.Length - 2) : text.AsSpan();
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '\x21' or > '\x7e' or '"' or ',' or ';' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Lets go of the session without ending it, so that a later client can resume it (<see cref="ResumeSession"/>):
    /// disposing no longer logs out. Returns its cookie, or null when not logged in.
    /// </summary>
    public string? DetachSession()
    {
        var cookie = SessionCookie;
        _loggedIn = false;
        return cookie;
    }

    /// <summary>
    /// Whether the session (logged in or resumed) is still valid: reads <c>SessionManager.currentSession</c>, one small call.
    /// False, and the client no longer counts as logged in, when the server answers <c>NotAuthenticated</c>.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(CancellationToken cancellationToken = default)
    {
        var spec = new PropertyFilterSpec(
            [new PropertySpec("SessionManager", ["currentSession"])], [new ObjectSpec(ServiceContent.SessionManager, false, [])]);
        try
        {
            await foreach (var content in RetrievePropertiesAsync(spec, null, cancellationToken).ConfigureAwait(false))
            {
                if (content["currentSession"] is DataObject)
                {
                    return true;
                }
            }
        }
        catch (NotAuthenticatedException)
        {
        }

        _loggedIn = false;
        _transport.SessionCookie = null;
        return false;
    }

    /// <summary>Ends the session.</summary>
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        await InvokeAsync("Logout", ServiceContent.SessionManager, [], cancellationToken).ConfigureAwait(false);
        _loggedIn = false;
        _transport.SessionCookie = null;
        _logger.LogInformation("Logged out of {Host}", SdkUri.Host);
    }

    /// <summary>Creates a view of the objects of <paramref name="types"/> under <paramref name="container"/>.</summary>
    public async Task<ManagedObjectReference> CreateContainerViewAsync(
        ManagedObjectReference container, IReadOnlyList<string> types, bool recursive, CancellationToken cancellationToken = default)
    {
        var view = await InvokeAsync(
            "CreateContainerView",
            ServiceContent.ViewManager,
            [new("container", container), new("type", types), new("recursive", recursive)],
            cancellationToken).ConfigureAwait(false);
        return view as ManagedObjectReference ?? throw new VimProtocolException("CreateContainerView returned no view.");
    }

    /// <summary>Destroys a view made by <see cref="CreateContainerViewAsync"/>.</summary>
    public Task DestroyViewAsync(ManagedObjectReference view, CancellationToken cancellationToken = default) =>
        InvokeAsync("DestroyView", view, [], cancellationToken);

    /// <summary>
    /// Streams the objects that match <paramref name="spec"/>, page after page (<c>RetrievePropertiesEx</c>, then
    /// <c>ContinueRetrievePropertiesEx</c> while a token comes back), each parsed as it arrives. Stopping early (break,
    /// cancellation, error) cancels the server's token.
    /// </summary>
    /// <exception cref="NotAuthenticatedException">The session is gone (also when reported in a <c>missingSet</c>).</exception>
    /// <exception cref="InvalidPropertyException">A path is not defined on its type.</exception>
    public async IAsyncEnumerable<ObjectContent> RetrievePropertiesAsync(
        PropertyFilterSpec spec, RetrieveOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var pager = new PropertyCollectorPager(_transport, ServiceContent.PropertyCollector, spec, options, _logger);
        await using (pager.ConfigureAwait(false))
        {
            while (await pager.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return pager.Current!;
            }
        }
    }

    /// <summary>Fetches the same pages as <see cref="RetrievePropertiesAsync"/> without parsing them: the wire floor for benchmarks.</summary>
    public Task<RawRetrieveResult> RetrievePropertiesRawAsync(PropertyFilterSpec spec, RetrieveOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return RawPager.RetrieveAsync(_transport, ServiceContent.PropertyCollector, spec, options, _logger, cancellationToken);
    }

    /// <summary>
    /// Calls any vim25 method. Arguments go in WSDL order; values may be strings, numbers, booleans, dates, byte arrays,
    /// <see cref="ManagedObjectReference"/>, the PropertyCollector specs, <see cref="DataObject"/> and sequences of those.
    /// </summary>
    /// <returns>
    /// The decoded <c>returnval</c>: null when absent, a value, <see cref="ManagedObjectReference"/>, <see cref="DataObject"/>,
    /// or an <see cref="IReadOnlyList{T}"/> when several come back (or the method is known to return an array).
    /// </returns>
    public async Task<object?> InvokeAsync(
        string method, ManagedObjectReference @this, IReadOnlyList<KeyValuePair<string, object?>> args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(@this);
        ArgumentNullException.ThrowIfNull(args);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var names = new XmlNames();
        var decoder = new ValueDecoder(names);
        using var call = await _transport.CallAsync(method, @this, args, names, decoder, TimeSpan.Zero, null, cancellationToken).ConfigureAwait(false);
        var declared = KnownTypes.Return(method);
        var values = new List<object?>();
        if (call.Parse(EnterElement))
        {
            while (true)
            {
                await call.FillAsync().ConfigureAwait(false);
                if (!call.Parse(r => ReadReturnValue(r, names, decoder, declared?.TypeName, values)))
                {
                    break;
                }
            }
        }

        await call.FinishAsync().ConfigureAwait(false);
        return values.Count switch
        {
            0 => declared?.IsArray == true ? values : null,
            1 when declared?.IsArray != true => values[0],
            _ => values,
        };
    }

    /// <summary>Waits for a task to end, polling <c>info</c>: returns its result, or throws its fault.</summary>
    /// <exception cref="VimFaultException">The task failed; the exception is typed after the task's fault.</exception>
    public async Task<object?> WaitForTaskAsync(ManagedObjectReference task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var spec = new PropertyFilterSpec([new PropertySpec("Task", ["info"])], [new ObjectSpec(task, false, [])]);
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            DataObject? info = null;
            await foreach (var content in RetrievePropertiesAsync(spec, null, cancellationToken).ConfigureAwait(false))
            {
                info = content["info"] as DataObject;
            }

            switch (info?["state"] as string)
            {
                case "success":
                    return info["result"];
                case "error":
                    var error = info["error"] as DataObject;
                    var fault = error?["fault"] as DataObject;
                    throw FaultHierarchy.CreateException(
                        fault is { TypeName.Length: > 0 } ? fault.TypeName : "MethodFault", error?["localizedMessage"] as string, fault);
                case null:
                    throw new VimProtocolException($"Task {task} has no info.state.");
                default:
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
                    break;
            }
        }
    }

    /// <summary>Logs out when logged in (best effort, briefly) and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_loggedIn)
        {
            try
            {
                using var timeout = new CancellationTokenSource(LogoutTimeout);
                var names = new XmlNames();
                using var call = await _transport.CallAsync(
                    "Logout", ServiceContent.SessionManager, [], names, new ValueDecoder(names), TimeSpan.Zero, LogoutTimeout, timeout.Token).ConfigureAwait(false);
                _loggedIn = false;
            }
            catch (Exception e) when (e is VimException or OperationCanceledException)
            {
                _logger.LogWarning("Logout on dispose failed: {Error}", e.Message);
            }
        }

        _transport.Dispose();
    }

    private static bool EnterElement(VimXmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return false;
        }

        r.Read();
        return true;
    }

    private static bool ReadReturnValue(VimXmlReader r, XmlNames names, ValueDecoder decoder, string? declared, List<object?> values)
    {
        while (true)
        {
            switch (r.MoveToContent())
            {
                case XmlNodeKind.Element when ReferenceEquals(r.LocalName, names.ReturnVal):
                    var value = decoder.ReadValue(r, declared, out var isNil);
                    values.Add(isNil ? null : value);
                    return true;
                case XmlNodeKind.Element:
                    r.Skip();
                    break;
                case XmlNodeKind.EndElement:
                    r.Read();
                    return false;
                default:
                    throw new VimProtocolException("The response ended inside the method's response element.", transient: true);
            }
        }
    }
}
