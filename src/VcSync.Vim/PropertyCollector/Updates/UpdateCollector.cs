using Microsoft.Extensions.Logging;
using VcSync.Vim.Faults;
using VcSync.Vim.Soap;
using VcSync.Vim.Values;

namespace VcSync.Vim.PropertyCollector;

/// <summary>
/// A private PropertyCollector with one filter, for <c>WaitForUpdatesEx</c>: one wait at a time. Its versions live and die
/// with it and its session. Dispose it to destroy it on the server (best effort, briefly).
/// </summary>
public sealed class UpdateCollector : IAsyncDisposable
{
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(1.5);

    private readonly SoapTransport _transport;
    private readonly ILogger _logger;
    private int _disposed;

    internal UpdateCollector(SoapTransport transport, ManagedObjectReference collector, ManagedObjectReference? filter, ILogger logger)
    {
        _transport = transport;
        Collector = collector;
        Filter = filter;
        _logger = logger;
    }

    /// <summary>The private collector.</summary>
    public ManagedObjectReference Collector { get; }

    /// <summary>Its filter; null for a collector attached by reference (<see cref="VimClient.AttachUpdateCollector"/>).</summary>
    public ManagedObjectReference? Filter { get; }

    /// <summary>The version the next wait starts from: <c>""</c> (everything, as <c>enter</c>) until a set came.</summary>
    public string Version { get; internal set; } = string.Empty;

    /// <summary>
    /// Waits for the changes after <see cref="Version"/> and moves <see cref="Version"/> on. Returns null when nothing changed
    /// within <see cref="WaitOptions.MaxWaitSeconds"/>. The update set is parsed as it arrives.
    /// </summary>
    /// <exception cref="InvalidCollectorVersionException">The version is no longer valid: start again from <c>""</c> with <see cref="Reset"/>.</exception>
    /// <exception cref="NotAuthenticatedException">The session is gone (also when reported in a <c>missingSet</c>).</exception>
    public async Task<UpdateSet?> WaitAsync(WaitOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var wireOptions = new List<KeyValuePair<string, object?>>();
        if (options.MaxWaitSeconds is int wait)
        {
            wireOptions.Add(new("maxWaitSeconds", wait));
        }

        if (options.MaxObjectUpdates is int max)
        {
            wireOptions.Add(new("maxObjectUpdates", max));
        }

        var timeout = options.MaxWaitSeconds is int seconds && _transport.CallTimeout != Timeout.InfiniteTimeSpan
            ? _transport.CallTimeout + TimeSpan.FromSeconds(seconds)
            : Timeout.InfiniteTimeSpan;
        var names = new XmlNames();
        var decoder = new ValueDecoder(names);
        using var call = await _transport.CallAsync(
            "WaitForUpdatesEx", Collector, [new("version", Version), new("options", new DataObject(string.Empty, wireOptions))],
            names, decoder, TimeSpan.Zero, timeout, cancellationToken).ConfigureAwait(false);
        var reader = new UpdateSetReader(names, decoder, options.ValueFilters, options.SkipValues);
        var objects = new List<ObjectUpdate>();
        while (true)
        {
            await call.FillAsync().ConfigureAwait(false);
            var next = call.Parse(reader.Next);
            if (next is null)
            {
                break;
            }

            ThrowIfSessionLost(next);
            objects.Add(next);
        }

        await call.FinishAsync().ConfigureAwait(false);
        if (!reader.HasResult)
        {
            return null;
        }

        Version = reader.Version ?? throw new VimProtocolException("An UpdateSet has no version.");
        return new UpdateSet(Version, reader.Truncated, objects);
    }

    /// <summary>Starts again from version <c>""</c> (after <see cref="InvalidCollectorVersionException"/>).</summary>
    public void Reset() => Version = string.Empty;

    /// <summary>Ends a wait in progress on the server (<c>CancelWaitForUpdates</c>); best effort, never throws.</summary>
    public Task CancelWaitAsync() => CleanupCallAsync("CancelWaitForUpdates");

    /// <summary>Destroys the collector and its filter on the server (best effort, briefly, never throws).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await CleanupCallAsync("DestroyPropertyCollector").ConfigureAwait(false);
        }
    }

    private void ThrowIfSessionLost(ObjectUpdate update)
    {
        foreach (var missing in update.MissingSet)
        {
            if (FaultHierarchy.IsA(missing.FaultType, "NotAuthenticated"))
            {
                throw new NotAuthenticatedException(
                    missing.FaultType, missing.Message ?? $"The session is no longer authenticated (missingSet of {update.Obj}).");
            }
        }
    }

    private async Task CleanupCallAsync(string method)
    {
        try
        {
            var names = new XmlNames();
            using var call = await _transport.CallAsync(
                method, Collector, [], names, new ValueDecoder(names), TimeSpan.Zero, CleanupTimeout, CancellationToken.None).ConfigureAwait(false);
            await call.FinishAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is VimException or OperationCanceledException)
        {
            _logger.LogDebug("{Method} on {Collector} failed: {Error}", method, Collector, e.Message);
        }
    }
}
