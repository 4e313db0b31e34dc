using System.Reflection;
using VcSync.Inventory;

namespace VcSync.Sync.Incremental;

/// <summary>
/// What an inventory in the database was read with: the property paths per type, the value filters' names, the API
/// version and VcSync's build. A cursor saved under another fingerprint is not trusted: what the database holds might
/// differ from what this build would write even though vCenter changed nothing.
/// </summary>
internal static class SyncFingerprint
{
    private static readonly string Build =
        typeof(InventoryPropertySpecs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string Of(string? apiVersion)
    {
        using var hash = new ContentHash();
        hash.Text("build", Build);
        hash.Text("api", apiVersion);
        foreach (var spec in InventoryPropertySpecs.ForApiVersion(apiVersion).Append(InventoryPropertySpecs.CustomFieldSpec))
        {
            hash.Text("type", spec.Type);
            hash.Text("paths", [.. spec.PathSet]);
        }

        foreach (var filter in InventoryPropertySpecs.ValueFilters)
        {
            hash.Text("filter", filter.Path);
            hash.Text("skips", [.. (filter.SkipFields ?? []).Order(StringComparer.Ordinal)]);
        }

        return hash.Finish();
    }
}
