using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Faults;
using VcSync.Vim.Values;

namespace VcSync.Vim;

/// <summary>Incremental updates: private collectors for <c>WaitForUpdatesEx</c>.</summary>
public sealed partial class VimClient
{
    /// <summary>
    /// Creates a private collector (<c>CreatePropertyCollector</c>) with one filter on <paramref name="spec"/>
    /// (<c>partialUpdates=false</c>: changes name the properties of the spec), ready for <see cref="UpdateCollector.WaitAsync"/>.
    /// </summary>
    /// <exception cref="InvalidPropertyException">A path is not defined on its type.</exception>
    public async Task<UpdateCollector> CreateUpdateCollectorAsync(PropertyFilterSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var collector = await InvokeAsync("CreatePropertyCollector", ServiceContent.PropertyCollector, [], cancellationToken).ConfigureAwait(false)
            as ManagedObjectReference ?? throw new VimProtocolException("CreatePropertyCollector returned no collector.");
        try
        {
            var filter = await InvokeAsync("CreateFilter", collector, [new("spec", spec), new("partialUpdates", false)], cancellationToken)
                .ConfigureAwait(false) as ManagedObjectReference ?? throw new VimProtocolException("CreateFilter returned no filter.");
            return new UpdateCollector(_transport, collector, filter, _logger);
        }
        catch
        {
            await new UpdateCollector(_transport, collector, collector, _logger).DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// An update collector created earlier in this session (by this or another process that used the same session), to
    /// go on from <paramref name="version"/>. A collector that no longer exists fails its first wait with
    /// <see cref="ManagedObjectNotFoundException"/>; a version that is no longer the collector's latest with
    /// <see cref="InvalidCollectorVersionException"/>.
    /// </summary>
    public UpdateCollector AttachUpdateCollector(ManagedObjectReference collector, string version)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(version);
        return new UpdateCollector(_transport, collector, null, _logger) { Version = version };
    }
}
