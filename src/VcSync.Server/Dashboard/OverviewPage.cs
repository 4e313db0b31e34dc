using Microsoft.AspNetCore.Http;
using VcSync.Storage;
using VcSync.Storage.Reads;

namespace VcSync.Server.Dashboard;

/// <summary>Per vCenter: object counts, the last sync's age and status, the watcher, and red and yellow alarms.</summary>
internal static class OverviewPage
{
    private static readonly (string Key, string Header, string Path)[] Counted =
    [
        ("clusters", "Clusters", "/clusters"), ("hosts", "Hosts", "/hosts"), ("vms", "VMs", "/vms"),
        ("datastores", "Datastores", "/datastores"), ("networks", "Networks", "/networks"),
    ];

    private static readonly TimeSpan StaleHeartbeat = TimeSpan.FromSeconds(60);

    public static async Task<IResult> RenderAsync(HttpContext context, IInventoryReads reads, TimeProvider time, CancellationToken cancellationToken)
    {
        var summaries = await reads.SummarizeAsync(cancellationToken);
        var now = time.GetUtcNow();
        var html = new Html().Raw("<div class=\"titlebar\"><h1>Overview</h1></div>");
        if (summaries.Count == 0)
        {
            html.Raw("<p class=\"empty\">No vCenter is registered yet. Add one with <code>vcsync vcenters add</code>.</p>");
            return Layout.Page(context, "Overview", "/", html);
        }

        html.Raw("<table class=\"list overview\"><thead><tr><th>vCenter</th>");
        foreach (var (_, header, _) in Counted)
        {
            html.Element("th", header, "num");
        }

        html.Raw("<th class=\"num\">Red alarms</th><th class=\"num\">Yellow alarms</th><th>Last sync</th><th>Watcher</th></tr></thead><tbody>");
        foreach (var summary in summaries)
        {
            var vcenter = summary.VCenter;
            html.Raw("<tr").Attr("data-vcenter", vcenter.Name).Raw("><th scope=\"row\">").Text(vcenter.Name)
                .Raw("<div class=\"muted small\">").Text(vcenter.Url).Raw("</div></th>");
            foreach (var (key, _, path) in Counted)
            {
                html.Raw("<td class=\"num\"").Attr("data-count", key).Raw(">")
                    .Link($"{path}?vcenter={Uri.EscapeDataString(vcenter.Name)}", Format.Value(summary.Counts.GetValueOrDefault(key)))
                    .Raw("</td>");
            }

            AlarmCell(html, "red", summary.RedAlarms, vcenter.Name);
            AlarmCell(html, "yellow", summary.YellowAlarms, vcenter.Name);
            html.Raw("<td data-last-sync>");
            if (vcenter.LastSyncStatus is { } status)
            {
                html.Element("span", status.ToText(), Format.StatusClass(status.ToText())).Raw(" ")
                    .Raw("<time").Attr("datetime", vcenter.LastSyncAt?.ToString("O")).Attr("title", Format.Instant(vcenter.LastSyncAt)).Raw(">")
                    .Text(Format.Age(vcenter.LastSyncAt, now)).Raw("</time>");
                if (vcenter.LastSyncError is { } error)
                {
                    html.Raw("<div class=\"error small\">").Text(error).Raw("</div>");
                }
            }
            else
            {
                html.Element("span", "never synced", "muted");
            }

            html.Raw("</td><td data-watcher>");
            WatcherCell(html, summary.Watcher, now);
            html.Raw("</td></tr>");
        }

        html.Raw("</tbody></table>");
        return Layout.Page(context, "Overview", "/", html);
    }

    private static void WatcherCell(Html html, Storage.Watchers.WatcherRow? watcher, DateTimeOffset now)
    {
        if (watcher is null)
        {
            html.Element("span", "not watching", "muted");
            return;
        }

        // A holder that stopped beating without a word (killed) is as good as gone, whatever its row says.
        var stale = watcher.Status is not ("stopped" or "failed") && now - watcher.HeartbeatAt > StaleHeartbeat;
        html.Element("span", stale ? "stale" : watcher.Status, stale ? "status gray" : Format.StatusClass(watcher.Status));
        html.Raw(" <span class=\"small\">updated ").Raw("<time").Attr("datetime", watcher.LastUpdateAt?.ToString("O"))
            .Attr("title", Format.Instant(watcher.LastUpdateAt)).Raw(">").Text(watcher.LastUpdateAt is null ? "never" : Format.Age(watcher.LastUpdateAt, now))
            .Raw("</time>");
        if (watcher.LagMs is { } lag)
        {
            html.Raw(", lag <span data-lag-ms>").Number(lag).Raw("</span> ms");
        }

        html.Raw("</span><div class=\"muted small\">").Text(watcher.WorkerId).Raw(" · heartbeat ").Text(Format.Age(watcher.HeartbeatAt, now)).Raw("</div>");
        if (watcher.LastError is { } error && watcher.Status is "recovering" or "failed")
        {
            html.Raw("<div class=\"error small\">").Text(error).Raw("</div>");
        }
    }

    private static void AlarmCell(Html html, string status, long count, string vcenter)
    {
        html.Raw("<td class=\"num\"").Attr("data-alarms", status).Raw(">");
        if (count == 0)
        {
            html.Element("span", "0", "muted");
        }
        else
        {
            html.Link($"/alarms?status={status}&vcenter={Uri.EscapeDataString(vcenter)}", Format.Value(count), Format.StatusClass(status));
        }

        html.Raw("</td>");
    }
}
