using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Storage.Reads;

namespace VcSync.Server.Dashboard;

/// <summary>The dashboard's routes: server-rendered pages, and the stylesheet and script they load.</summary>
internal static class Pages
{
    private static readonly string[] PagePrefixes = ["/vms", "/hosts", "/clusters", "/datastores", "/networks", "/alarms", "/servers", "/changes", "/jobs"];

    private static readonly Dictionary<string, (byte[] Content, string Type)> Assets = new(StringComparer.Ordinal)
    {
        ["app.css"] = (Asset("app.css"), "text/css; charset=utf-8"),
        ["app.js"] = (Asset("app.js"), "text/javascript; charset=utf-8"),
        ["favicon.svg"] = (Asset("favicon.svg"), "image/svg+xml"),
    };

    /// <summary>Whether a path is a dashboard page (HTML), as opposed to the API, metrics or documents.</summary>
    public static bool IsPage(PathString path) =>
        path == "/" || PagePrefixes.Any(p => path.StartsWithSegments(p));

    public static void Map(WebApplication app)
    {
        app.MapGet("/", (HttpContext context, IInventoryReads reads, TimeProvider time, CancellationToken cancellationToken) =>
            OverviewPage.RenderAsync(context, reads, time, cancellationToken)).ExcludeFromDescription();
        foreach (var page in ListPages.All)
        {
            app.MapGet(page.Path, (HttpContext context, CancellationToken cancellationToken) =>
                ListPageRenderer.RenderAsync(context, page, null, cancellationToken)).ExcludeFromDescription();
        }

        app.MapGet("/hosts/{id:guid}", (HttpContext context, Guid id, IInventoryReads reads, CancellationToken cancellationToken) =>
            HostPage.RenderAsync(context, id, reads, cancellationToken)).ExcludeFromDescription();
        app.MapGet("/jobs", (HttpContext context, IInventoryStore store, CancellationToken cancellationToken) =>
            JobPages.ListAsync(context, store, cancellationToken)).ExcludeFromDescription();
        app.MapGet("/jobs/{id:guid}", (HttpContext context, Guid id, IJobStore jobs, CancellationToken cancellationToken) =>
            JobPages.DetailAsync(context, id, jobs, cancellationToken)).ExcludeFromDescription();
        app.MapGet("/static/{name}", (string name) =>
            Assets.TryGetValue(name, out var asset)
                ? Results.Bytes(asset.Content, asset.Type)
                : Results.NotFound()).ExcludeFromDescription();
    }

    /// <summary>The page a browser gets when reads need the token and it sent none: a form that asks for it.</summary>
    public static Task TokenRequiredAsync(HttpContext context) =>
        Layout.Page(
                context,
                "Token needed",
                "",
                new Html().Raw("<div class=\"titlebar\"><h1>Token needed</h1></div><p id=\"token-needed\">This server shows its inventory only to ")
                    .Raw("holders of its API token. Enter it above; it stays in this tab.</p>"),
                StatusCodes.Status401Unauthorized)
            .ExecuteAsync(context);

    private static byte[] Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("assets/" + name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
