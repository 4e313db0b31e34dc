using Microsoft.AspNetCore.Http;
using VcSync.Server.Hosting;

namespace VcSync.Server.Dashboard;

/// <summary>The frame of every page: head, navigation, the token form, and the one script file.</summary>
internal static class Layout
{
    private static readonly (string Path, string Label)[] Navigation =
    [
        ("/", "Overview"), ("/vms", "VMs"), ("/hosts", "Hosts"), ("/clusters", "Clusters"), ("/datastores", "Datastores"),
        ("/networks", "Networks"), ("/alarms", "Alarms"), ("/servers", "Dell servers"), ("/changes", "Changes"), ("/jobs", "Jobs"),
    ];

    public static IResult Page(HttpContext context, string title, string active, Html body, int status = StatusCodes.Status200OK)
    {
        var options = (ServeOptions)context.RequestServices.GetService(typeof(ServeOptions))!;
        var page = new Html()
            .Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<title>").Text(title).Raw(" · VcSync</title>")
            .Raw("<link rel=\"icon\" href=\"/static/favicon.svg\"><link rel=\"stylesheet\" href=\"/static/app.css\"><script src=\"/static/app.js\" defer></script></head>")
            .Raw("<body").Attr("data-boost", options.ReadsNeedToken ? "true" : "false").Raw(">")
            .Raw("<header><a class=\"brand\" href=\"/\">VcSync</a><nav>");
        foreach (var (path, label) in Navigation)
        {
            page.Link(path, label, path == active ? "active" : null);
        }

        page.Raw("</nav><button type=\"button\" class=\"linklike\" id=\"forget-token\" hidden>Forget token</button></header>")
            .Raw("<form id=\"token-form\" class=\"token\" hidden><label>API token <input type=\"password\" name=\"token\" autocomplete=\"off\" required></label>")
            .Raw("<button type=\"submit\">Use token</button><span class=\"hint\">Kept in this tab only (session storage), never in a cookie.</span></form>")
            .Raw("<p id=\"flash\" class=\"flash\" role=\"alert\" hidden></p>")
            .Raw("<main>").Raw(body.ToString()).Raw("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", null, status);
    }
}
