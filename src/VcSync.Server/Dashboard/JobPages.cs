using System.Globalization;
using Microsoft.AspNetCore.Http;
using VcSync.Server.Api;
using VcSync.Storage;
using VcSync.Storage.Jobs;

namespace VcSync.Server.Dashboard;

/// <summary>The jobs list with a form to start a sync, and one job with live progress of its phases and a cancel button.</summary>
internal static class JobPages
{
    public static async Task<IResult> ListAsync(HttpContext context, IInventoryStore store, CancellationToken cancellationToken)
    {
        var vcenters = await store.ListVCentersAsync(cancellationToken);
        var intro = new Html().Raw("<section class=\"card start\"><h2>Start a sync</h2>");
        if (vcenters.Count == 0)
        {
            intro.Raw("<p class=\"muted\">No vCenter is registered.</p>");
        }
        else
        {
            intro.Raw("<form id=\"start-sync\" data-post=\"/api/v1/jobs\"><label>vCenter <select name=\"vcenter\">");
            foreach (var vcenter in vcenters)
            {
                intro.Raw("<option").Attr("value", vcenter.Name).Raw(">").Text(vcenter.Name).Raw("</option>");
            }

            intro.Raw("</select></label> <button type=\"submit\">Start sync</button></form>");
        }

        intro.Raw("</section>");
        return await ListPageRenderer.RenderAsync(context, ListPages.Jobs, intro, cancellationToken);
    }

    public static async Task<IResult> DetailAsync(HttpContext context, Guid id, IJobStore jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(id, cancellationToken);
        if (job is null)
        {
            return Layout.Page(context, "Not found", "/jobs", new Html().Raw("<h1>Not found</h1><p>No job has this id.</p>"), StatusCodes.Status404NotFound);
        }

        var html = new Html()
            .Raw("<div class=\"titlebar\"><h1>Sync of ").Text(job.TargetVCenterName ?? "every vCenter").Raw("</h1>")
            .Raw("<span data-field=\"status\"").Attr("class", Format.StatusClass(job.Status.ToText())).Raw(">").Text(job.Status.ToText()).Raw("</span></div>")
            .Raw("<section class=\"card job\" id=\"job\"").Attr("data-events", ApiLinks.Job(job.Id) + "/events").Raw(">")
            .Raw("<dl><dt>Job</dt><dd>").Text(job.Id.ToString()).Raw("</dd><dt>Created</dt><dd>").Text(Format.Instant(job.CreatedAt))
            .Raw("</dd><dt>Worker</dt><dd data-field=\"worker_id\">").Text(job.WorkerId ?? "none yet").Raw("</dd></dl>")
            .Raw("<ol class=\"phases\">");
        foreach (var task in job.Tasks)
        {
            html.Raw("<li").Attr("data-task", task.Name.ToText()).Raw("><div class=\"phase-head\"><span class=\"label\">").Text(task.Label ?? task.Name.ToText())
                .Raw("</span><span data-field=\"task-status\"").Attr("class", Format.StatusClass(task.Status.ToText())).Raw(">").Text(task.Status.ToText()).Raw("</span></div>")
                .Raw("<progress max=\"100\"").Attr("value", task.Progress.ToString(CultureInfo.InvariantCulture)).Raw("></progress>")
                .Raw("<span data-field=\"progress\">").Raw(task.Progress.ToString(CultureInfo.InvariantCulture)).Raw(" %</span>")
                .Raw("<div class=\"message\" data-field=\"message\">").Text(task.Message).Raw("</div></li>");
        }

        html.Raw("</ol><p class=\"error\" data-field=\"error\">").Text(job.Error).Raw("</p>");
        html.Raw("<button type=\"button\" class=\"danger\" id=\"cancel-job\"").Attr("data-post", ApiLinks.Job(job.Id) + "/cancel")
            .Raw(job.Status.IsFinished() ? " hidden" : string.Empty).Raw(">Cancel</button></section>");
        return Layout.Page(context, "Job", "/jobs", html);
    }
}
