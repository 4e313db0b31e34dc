using Microsoft.AspNetCore.Http;
using VcSync.Inventory;
using VcSync.Storage.Reads;

namespace VcSync.Server.Dashboard;

/// <summary>One ESXi host: its facts, its Dell server (or why it has none), and its VMs.</summary>
internal static class HostPage
{
    private static readonly (string Label, string Column)[] Facts =
    [
        ("vCenter", "vcenter"), ("Cluster", "cluster_name"), ("Connection", "connection_state"), ("Maintenance mode", "in_maintenance_mode"),
        ("ESXi version", "esxi_version"), ("ESXi build", "esxi_build"), ("Serial number", "serial_number"), ("Managed object", "moref"),
        ("First seen", "first_seen_at"), ("Last synced", "last_sync_at"),
    ];

    public static async Task<IResult> RenderAsync(HttpContext context, Guid id, IInventoryReads reads, CancellationToken cancellationToken)
    {
        var host = await reads.FindAsync(ListResources.Hosts, id, cancellationToken);
        if (host is null)
        {
            return Layout.Page(context, "Not found", "/hosts", new Html().Raw("<h1>Not found</h1><p>No host has this id.</p>"), StatusCodes.Status404NotFound);
        }

        var name = host["name"] as string;
        var html = new Html().Raw("<div class=\"titlebar\"><h1>").Text(name).Raw("</h1><span class=\"total\">ESXi host</span></div>");
        html.Raw("<div class=\"cards\"><section class=\"card\"><h2>Host</h2><dl>");
        foreach (var (label, column) in Facts)
        {
            html.Element("dt", label).Element("dd", Format.Value(host.GetValueOrDefault(column)));
        }

        html.Raw("</dl></section><section class=\"card\" id=\"dell-server\"><h2>Dell server</h2>");
        if (host.GetValueOrDefault("server_id") is Guid serverId && await reads.FindAsync(ListResources.Servers, serverId, cancellationToken) is { } server)
        {
            html.Raw("<dl><dt>Service tag</dt><dd data-service-tag>").Text(server["service_tag"] as string).Raw("</dd>")
                .Element("dt", "Model").Element("dd", server.GetValueOrDefault("model") as string)
                .Element("dt", "Hostname").Element("dd", server.GetValueOrDefault("hostname") as string)
                .Raw("<dt>iDRAC</dt><dd>");
            Cells.Idrac(html, server.GetValueOrDefault("idrac_ip") as string);
            html.Raw("</dd>").Element("dt", "Linked").Element("dd", Format.Value(server.GetValueOrDefault("linked_at"))).Raw("</dl>");
        }
        else
        {
            html.Raw("<p class=\"unlinked\"><strong>Not linked</strong>: <span data-reason>")
                .Text(await UnlinkedReasonAsync(host.GetValueOrDefault("serial_number") as string, reads, cancellationToken))
                .Raw("</span></p>");
        }

        html.Raw("</section></div>");
        var vms = await reads.ListAsync(
            ListResources.Vms,
            new ListQuery
            {
                VCenterId = host["source_vcenter_id"] as Guid?,
                Filters = [KeyValuePair.Create("host", name ?? string.Empty)],
                Limit = ListQuery.MaxLimit,
            },
            cancellationToken);
        html.Raw("<h2>VMs <span class=\"total\">").Number(vms.Total).Raw("</span></h2>");
        ListPageRenderer.Table(html, [.. ListPages.VmColumns.Where(c => c.Sort is not ("host_name" or "vcenter"))], vms.Items);
        return Layout.Page(context, name ?? "Host", "/hosts", html);
    }

    /// <summary>Why a host has no Dell server, by the linking rules: no serial, a placeholder, a shared serial, or no such server.</summary>
    private static async Task<string> UnlinkedReasonAsync(string? serial, IInventoryReads reads, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serial))
        {
            return "the host reports no serial number";
        }

        if (ServiceTagRules.IsPlaceholder(serial))
        {
            return $"the host's serial number '{serial.Trim()}' is a placeholder, not a service tag";
        }

        var tag = ServiceTagRules.NormalizeForLinking(serial)!;
        var (hosts, serverExists) = await reads.SerialUsageAsync(tag, cancellationToken);
        if (hosts > 1)
        {
            return $"{hosts} hosts share the serial number '{tag}', so none is linked";
        }

        return serverExists
            ? $"a server with service tag '{tag}' exists; the next sync or server import links it"
            : $"no Dell server has service tag '{tag}' (import servers with 'vcsync servers import')";
    }
}
