using VcSync.Storage;

namespace VcSync.Sync.FullSync;

/// <summary>Finds the registered vCenter a sync by URL means, registering it on its first sync.</summary>
public static class VCenterRegistry
{
    /// <summary>
    /// The vCenter named <paramref name="name"/> (which must have this URL), else the one registered for the URL, else a
    /// new registration named <paramref name="name"/> or, by default, the URL's host name.
    /// </summary>
    public static async Task<VCenterRow> FindOrRegisterAsync(
        IInventoryStore store, Uri url, string username, string? name, string? thumbprint, bool insecure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(url);
        var urlText = url.ToString();
        if (name is not null && await store.FindVCenterByNameAsync(name, cancellationToken) is { } named)
        {
            return SameUrl(named.Url, urlText)
                ? named
                : throw new InvalidOperationException($"vCenter '{name}' is registered for {named.Url}, not {urlText}");
        }

        var byUrl = await store.FindVCenterByUrlAsync(urlText, cancellationToken);
        if (byUrl is not null && (name is null || byUrl.Name == name))
        {
            return byUrl;
        }

        return await store.AddVCenterAsync(
            new VCenterRegistration
            {
                Name = name ?? url.Host,
                Url = urlText,
                Username = username,
                TlsThumbprint = thumbprint,
                TlsInsecure = insecure,
            },
            cancellationToken);
    }

    private static bool SameUrl(string left, string right) =>
        string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
