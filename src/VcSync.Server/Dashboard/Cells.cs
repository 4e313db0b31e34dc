using System.Globalization;
using System.Net;

namespace VcSync.Server.Dashboard;

/// <summary>How common cells are drawn.</summary>
internal static class Cells
{
    public static PageColumn Status(string header, string column) => new(header, column, (html, item) =>
    {
        var value = item.GetValueOrDefault(column) as string;
        html.Element("span", value ?? "unknown", Format.StatusClass(value));
    });

    /// <summary>A long value cut to its first 80 characters, whole in the title (e.g. a JSON value in the change feed).</summary>
    public static PageColumn Truncated(string header, string column) => new(header, column, (html, item) =>
    {
        if (item.GetValueOrDefault(column) is not string value)
        {
            return;
        }

        if (value.Length <= 80)
        {
            html.Text(value);
            return;
        }

        html.Raw("<span").Attr("title", value).Raw(">").Text(value[..79] + "…").Raw("</span>");
    });

    public static PageColumn Bytes(string header, string column) =>
        new(header, column, (html, item) => html.Text(Format.Bytes(item.GetValueOrDefault(column) as long?)));

    public static PageColumn MegabytesAsBytes(string header, string column) =>
        new(header, column, (html, item) => html.Text(item.GetValueOrDefault(column) is int mb ? Format.Bytes(mb * 1024L * 1024L) : ""));

    /// <summary>A link to a page of another item by its id column, showing a text column; plain text when there is no id.</summary>
    public static PageColumn LinkTo(string header, string sort, string textColumn, string idColumn, string pagePath, string? whenMissing = null) =>
        new(header, sort, (html, item) =>
        {
            var text = item.GetValueOrDefault(textColumn) as string;
            if (item.GetValueOrDefault(idColumn) is Guid id)
            {
                html.Link($"{pagePath}/{id}", text ?? id.ToString());
            }
            else if (text is not null)
            {
                html.Text(text);
            }
            else if (whenMissing is not null)
            {
                html.Element("span", whenMissing, "muted");
            }
        });

    /// <summary>An iDRAC address as a link when it is an IP address or a host name, else as text.</summary>
    public static void Idrac(Html html, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            html.Element("span", "none", "muted");
            return;
        }

        var host = address.Trim();
        if (IPAddress.TryParse(host, out var ip))
        {
            host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
            html.Link($"https://{host}/", address, "external");
        }
        else if (Uri.CheckHostName(host) == UriHostNameType.Dns)
        {
            html.Link($"https://{host}/", address, "external");
        }
        else
        {
            html.Text(address);
        }
    }

    /// <summary>A used-space bar: a meter element (no inline style, which the CSP forbids) and the percentage.</summary>
    public static PageColumn CapacityBar() => new("Used", null, (html, item) =>
    {
        if (item.GetValueOrDefault("capacity_bytes") is not long capacity || capacity <= 0)
        {
            return;
        }

        var free = item.GetValueOrDefault("free_bytes") as long? ?? 0;
        var used = Math.Clamp((double)(capacity - free) / capacity, 0, 1);
        var value = used.ToString("0.###", CultureInfo.InvariantCulture);
        html.Raw("<meter min=\"0\" max=\"1\" low=\"0.75\" high=\"0.9\" optimum=\"0.2\"").Attr("value", value).Raw("></meter> ")
            .Raw(((int)Math.Round(used * 100)).ToString(CultureInfo.InvariantCulture)).Raw(" %");
    });

    public static PageColumn Vlan() => new("VLAN", "vlan_id", (html, item) =>
    {
        var type = item.GetValueOrDefault("vlan_type") as string;
        var id = item.GetValueOrDefault("vlan_id") as int?;
        var ranges = item.GetValueOrDefault("vlan_ranges") as string;
        html.Text(type switch
        {
            "vlan" => id?.ToString(CultureInfo.InvariantCulture) ?? "",
            "trunk" => "trunk " + ranges,
            "pvlan" => "private " + id?.ToString(CultureInfo.InvariantCulture),
            "none" => "none",
            _ => "",
        });
    });
}
