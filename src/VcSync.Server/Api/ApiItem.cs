using System.Text.Json.Serialization;
using VcSync.Storage.Reads;

namespace VcSync.Server.Api;

/// <summary>One item of a listing: its columns under their contract names, then <c>links</c> to related items.</summary>
[JsonConverter(typeof(ApiItemConverter))]
public sealed class ApiItem
{
    internal ApiItem(ListResource resource, IReadOnlyDictionary<string, object?> values)
    {
        Resource = resource;
        Values = values;
        Links = ApiLinks.For(resource, values);
    }

    /// <summary>The listing it comes from.</summary>
    internal ListResource Resource { get; }

    /// <summary>Column name to value.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Relation name (<c>self</c>, <c>vcenter</c>, <c>host</c>, <c>cluster</c>, <c>server</c>) to its API path.</summary>
    public IReadOnlyDictionary<string, string> Links { get; }
}
