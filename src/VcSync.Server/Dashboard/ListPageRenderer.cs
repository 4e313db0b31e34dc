using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using VcSync.Server.Api;
using VcSync.Storage;
using VcSync.Storage.Reads;

namespace VcSync.Server.Dashboard;

/// <summary>
/// Draws a list page: a search box and filters (a plain GET form), a table whose headers sort, and a pager. The
/// database does the searching, sorting and paging (<see cref="IInventoryReads"/>), so pages stay fast at 45,000 VMs.
/// </summary>
internal static class ListPageRenderer
{
    public static async Task<IResult> RenderAsync(
        HttpContext context, ListPageDefinition page, Html? intro, CancellationToken cancellationToken)
    {
        var store = (IInventoryStore)context.RequestServices.GetService(typeof(IInventoryStore))!;
        var reads = (IInventoryReads)context.RequestServices.GetService(typeof(IInventoryReads))!;
        var query = context.Request.Query;
        var (listQuery, error) = await ListRequest.ParseAsync(page.Resource, query, store, cancellationToken);
        ListPage? result = null;
        if (listQuery is not null)
        {
            try
            {
                result = await reads.ListAsync(page.Resource, listQuery, cancellationToken);
            }
            catch (ListQueryException exception)
            {
                error = exception.Message;
            }
        }

        var html = new Html();
        if (intro is not null)
        {
            html.Raw(intro.ToString());
        }

        html.Raw("<div class=\"titlebar\"><h1>").Text(page.Title).Raw("</h1>");
        if (result is not null)
        {
            html.Raw("<span class=\"total\" data-total=\"").Raw(result.Total.ToString(CultureInfo.InvariantCulture)).Raw("\">")
                .Number(result.Total).Raw(" total</span>");
        }

        html.Raw("</div>");
        await FormAsync(html, page, query, store, cancellationToken);
        if (error is not null)
        {
            html.Raw("<p class=\"error\">").Text(error).Raw("</p>");
            return Layout.Page(context, page.Title, page.Path, html, StatusCodes.Status400BadRequest);
        }

        Table(html, page, query, result!.Items, listQuery!.Sort ?? page.Resource.DefaultSort);
        Pager(html, page, query, listQuery, result.Items.Count, result.Total);
        return Layout.Page(context, page.Title, page.Path, html);
    }

    /// <summary>A plain table of items with the page's columns, without sorting links (e.g. a host's VMs).</summary>
    public static void Table(Html html, IReadOnlyList<PageColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> items)
    {
        html.Raw("<table class=\"list\"><thead><tr>");
        foreach (var column in columns)
        {
            html.Element("th", column.Header);
        }

        html.Raw("</tr></thead><tbody>");
        Rows(html, columns, items);
        html.Raw("</tbody></table>");
    }

    private static async Task FormAsync(Html html, ListPageDefinition page, IQueryCollection query, IInventoryStore store, CancellationToken cancellationToken)
    {
        html.Raw("<form method=\"get\" class=\"filters\"").Attr("action", page.Path).Raw(">")
            .Raw("<input type=\"search\" name=\"search\" placeholder=\"Name contains…\" aria-label=\"Search\"").Attr("value", query["search"]).Raw(">");
        if (page.Resource.HasVCenter)
        {
            var names = (await store.ListVCentersAsync(cancellationToken)).Select(v => v.Name).ToList();
            Select(html, "vcenter", "vCenter", names, query["vcenter"]);
        }

        foreach (var filter in page.Filters)
        {
            Select(html, filter.Name, filter.Label, filter.Options, query[filter.Name]);
        }

        // Filters the form has no drop-down for (e.g. one object's history by moref) stay applied when it is sent.
        foreach (var filter in page.Resource.Filters.Where(f => page.Filters.All(p => p.Name != f.Name) && !string.IsNullOrEmpty(query[f.Name])))
        {
            html.Raw("<input type=\"hidden\"").Attr("name", filter.Name).Attr("value", query[filter.Name]).Raw(">");
        }

        if (!string.IsNullOrEmpty(query["sort"]))
        {
            html.Raw("<input type=\"hidden\" name=\"sort\"").Attr("value", query["sort"]).Raw(">");
        }

        if (!string.IsNullOrEmpty(query["limit"]))
        {
            html.Raw("<input type=\"hidden\" name=\"limit\"").Attr("value", query["limit"]).Raw(">");
        }

        html.Raw("<button type=\"submit\">Search</button>").Link(page.Path, "Clear", "clear").Raw("</form>");
    }

    private static void Select(Html html, string name, string label, IReadOnlyList<string> options, string? selected)
    {
        html.Raw("<label>").Text(label).Raw(" <select").Attr("name", name).Raw("><option value=\"\">all</option>");
        foreach (var option in options)
        {
            html.Raw("<option").Attr("value", option).Raw(option == selected ? " selected>" : ">").Text(option).Raw("</option>");
        }

        html.Raw("</select></label>");
    }

    private static void Table(Html html, ListPageDefinition page, IQueryCollection query, IReadOnlyList<IReadOnlyDictionary<string, object?>> items, string sort)
    {
        html.Raw("<table class=\"list\"><thead><tr>");
        foreach (var column in page.Columns)
        {
            if (column.Sort is null)
            {
                html.Element("th", column.Header);
                continue;
            }

            var current = sort == column.Sort ? "asc" : sort == "-" + column.Sort ? "desc" : null;
            var next = current == "asc" ? "-" + column.Sort : column.Sort;
            html.Raw("<th").Attr("aria-sort", current switch { "asc" => "ascending", "desc" => "descending", _ => "none" }).Raw(">")
                .Link(Url(page.Path, query, ("sort", next), ("offset", null)), column.Header + (current == "asc" ? " ▲" : current == "desc" ? " ▼" : ""))
                .Raw("</th>");
        }

        html.Raw("</tr></thead><tbody>");
        Rows(html, page.Columns, items);
        html.Raw("</tbody></table>");
    }

    private static void Rows(Html html, IReadOnlyList<PageColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> items)
    {
        if (items.Count == 0)
        {
            html.Raw("<tr><td class=\"empty\"").Attr("colspan", columns.Count.ToString(CultureInfo.InvariantCulture)).Raw(">Nothing matches.</td></tr>");
        }

        foreach (var item in items)
        {
            html.Raw("<tr").Attr("data-id", Convert.ToString(item.GetValueOrDefault("id"), CultureInfo.InvariantCulture)).Raw(">");
            foreach (var column in columns)
            {
                html.Raw("<td>");
                column.Cell(html, item);
                html.Raw("</td>");
            }

            html.Raw("</tr>");
        }
    }

    private static void Pager(Html html, ListPageDefinition page, IQueryCollection query, ListQuery listQuery, int shown, long total)
    {
        var first = shown == 0 ? 0 : listQuery.Offset + 1;
        html.Raw("<nav class=\"pager\"><span class=\"range\">").Number(first).Raw("–").Number(listQuery.Offset + shown).Raw(" of ").Number(total).Raw("</span>");
        if (listQuery.Offset > 0)
        {
            var previous = Math.Max(0, listQuery.Offset - listQuery.Limit);
            html.Raw("<a rel=\"prev\"").Attr("href", Url(page.Path, query, ("offset", previous == 0 ? null : previous.ToString(CultureInfo.InvariantCulture)))).Raw(">← Previous</a>");
        }

        if (listQuery.Offset + shown < total)
        {
            html.Raw("<a rel=\"next\"").Attr("href", Url(page.Path, query, ("offset", (listQuery.Offset + listQuery.Limit).ToString(CultureInfo.InvariantCulture)))).Raw(">Next →</a>");
        }

        html.Raw("</nav>");
    }

    /// <summary>The page's URL with the current query, some keys replaced (null removes one).</summary>
    internal static string Url(string path, IQueryCollection query, params (string Key, string? Value)[] changes)
    {
        var values = query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (key, value) in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                url.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return url.ToString();
    }
}
