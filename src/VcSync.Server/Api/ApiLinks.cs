using VcSync.Storage.Reads;

namespace VcSync.Server.Api;

/// <summary>The API paths of an item and the items it points at.</summary>
internal static class ApiLinks
{
    public const string Prefix = "/api/v1";

    public static IReadOnlyDictionary<string, string> For(ListResource resource, IReadOnlyDictionary<string, object?> values)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(links, "self", resource.Name, values.GetValueOrDefault("id"));
        Add(links, "vcenter", "vcenters", values.GetValueOrDefault("source_vcenter_id") ?? values.GetValueOrDefault("target_vcenter_id"));
        Add(links, "host", "hosts", values.GetValueOrDefault("host_id") ?? values.GetValueOrDefault("vcenter_host_id"));
        Add(links, "cluster", "clusters", values.GetValueOrDefault("cluster_id"));
        Add(links, "server", "servers", values.GetValueOrDefault("server_id"));
        return links;
    }

    public static string Job(Guid id) => $"{Prefix}/jobs/{id}";

    private static void Add(Dictionary<string, string> links, string relation, string resource, object? id)
    {
        if (id is Guid guid)
        {
            links[relation] = $"{Prefix}/{resource}/{guid}";
        }
    }
}
