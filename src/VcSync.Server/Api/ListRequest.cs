using System.Globalization;
using Microsoft.AspNetCore.Http;
using VcSync.Storage;
using VcSync.Storage.Reads;

namespace VcSync.Server.Api;

/// <summary>Turns a listing's query string into a <see cref="ListQuery"/>, or a one-line reason it cannot.</summary>
internal static class ListRequest
{
    private static readonly string[] Reserved = ["search", "vcenter", "sort", "limit", "offset"];

    public static async Task<(ListQuery? Query, string? Error)> ParseAsync(
        ListResource resource, IQueryCollection query, IInventoryStore store, CancellationToken cancellationToken)
    {
        foreach (var (key, values) in query)
        {
            if (values.Count > 1)
            {
                return (null, $"'{key}' is given {values.Count} times; give it once");
            }

            if (!Reserved.Contains(key) && resource.FindFilter(key) is null)
            {
                return (null, $"'{key}' is not a filter of {resource.Name}; its filters are " +
                              string.Join(", ", Reserved.Concat(resource.Filters.Select(f => f.Name))));
            }
        }

        var limit = 50;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > ListQuery.MaxLimit))
        {
            return (null, $"limit must be a whole number from 1 to {ListQuery.MaxLimit}; got '{limitText}'");
        }

        var offset = 0;
        if (query.TryGetValue("offset", out var offsetText)
            && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return (null, $"offset must be a whole number, 0 or more; got '{offsetText}'");
        }

        Guid? vcenterId = null;
        if (query.TryGetValue("vcenter", out var vcenterName) && !string.IsNullOrEmpty(vcenterName))
        {
            var vcenter = await store.FindVCenterByNameAsync(vcenterName.ToString(), cancellationToken);
            if (vcenter is null)
            {
                return (null, $"no vCenter is named '{vcenterName}'");
            }

            vcenterId = vcenter.Id;
        }

        return (new ListQuery
        {
            Search = query.TryGetValue("search", out var search) && !string.IsNullOrEmpty(search) ? search.ToString() : null,
            VCenterId = vcenterId,
            Sort = query.TryGetValue("sort", out var sort) && !string.IsNullOrEmpty(sort) ? sort.ToString() : null,
            Limit = limit,
            Offset = offset,
            Filters =
            [
                .. query.Where(q => !Reserved.Contains(q.Key) && !string.IsNullOrEmpty(q.Value))
                    .Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())),
            ],
        }, null);
    }
}
