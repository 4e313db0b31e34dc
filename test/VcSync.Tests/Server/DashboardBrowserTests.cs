using System.Globalization;
using VcSync.Server.Hosting;
using VcSync.Storage;
using VcSync.Storage.Changes;
using static Microsoft.Playwright.Assertions;

namespace VcSync.Tests.Server;

/// <summary>The dashboard in a real browser (headless Chromium), on the SQLite world.</summary>
[Collection(ServerCollection.Name)]
public sealed class DashboardBrowserTests(ServerWorld world, BrowserSession browser) : IClassFixture<BrowserSession>
{
    private readonly List<string> _consoleErrors = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_numbers_equal_the_database()
    {
        await using var server = await RunningServer.StartAsync(world.Sqlite);
        var page = await browser.NewPageAsync(_consoleErrors);
        await page.GotoAsync(server.BaseAddress.ToString());
        var vcenter = (await world.Sqlite.FindVCenterByNameAsync(ServerWorld.VCenterName, Ct))!;
        var row = page.Locator($"tr[data-vcenter=\"{ServerWorld.VCenterName}\"]");
        foreach (var (key, table) in new[]
                 {
                     ("clusters", "vcenter_clusters"), ("hosts", "vcenter_hosts"), ("vms", "vcenter_vms"),
                     ("datastores", "vcenter_datastores"), ("networks", "vcenter_networks"),
                 })
        {
            var count = (await world.Sqlite.ListRowsAsync(table, vcenter.Id, Ct)).Count;
            await Expect(row.Locator($"td[data-count=\"{key}\"]")).ToHaveTextAsync(count.ToString("N0", CultureInfo.InvariantCulture));
        }

        var alarms = await world.Sqlite.ListRowsAsync("vcenter_alarms", vcenter.Id, Ct);
        await Expect(row.Locator("td[data-alarms=\"red\"]")).ToHaveTextAsync(alarms.Count(a => (string?)a["overall_status"] == "red").ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator("td[data-alarms=\"yellow\"]")).ToHaveTextAsync(alarms.Count(a => (string?)a["overall_status"] == "yellow").ToString(CultureInfo.InvariantCulture));
        await Expect(row.Locator("td[data-last-sync] .status")).ToHaveTextAsync("completed");
        await BrowserSession.ScreenshotAsync(page, "overview");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Vm_search_finds_a_vm_and_paging_works()
    {
        await using var server = await RunningServer.StartAsync(world.Sqlite);
        var total = (await world.Sqlite.CountRowsAsync(Ct))["vcenter_vms"];
        var page = await browser.NewPageAsync(_consoleErrors);
        await page.GotoAsync(new Uri(server.BaseAddress, "vms").ToString());
        await Expect(page.Locator(".pager .range")).ToHaveTextAsync($"1–50 of {total:N0}");
        await BrowserSession.ScreenshotAsync(page, "vms");
        var firstOnPageOne = await page.Locator("table.list tbody tr").First.GetAttributeAsync("data-id");
        await page.Locator("a[rel=next]").ClickAsync();
        await Expect(page.Locator(".pager .range")).ToHaveTextAsync($"51–{Math.Min(100, total):N0} of {total:N0}");
        Assert.NotEqual(firstOnPageOne, await page.Locator("table.list tbody tr").First.GetAttributeAsync("data-id"));
        await page.Locator("a[rel=prev]").ClickAsync();
        await Expect(page.Locator(".pager .range")).ToHaveTextAsync($"1–50 of {total:N0}");

        var name = (string)(await world.Sqlite.ListRowsAsync("vcenter_vms", null, Ct)).Select(v => v["name"]).OfType<string>().Where(n => n.StartsWith("db-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Last();
        await page.Locator("input[name=search]").FillAsync(name.ToUpperInvariant());
        await page.Locator("input[name=search]").PressAsync("Enter");
        await Expect(page.Locator("table.list tbody tr").First.Locator("td").First).ToHaveTextAsync(name);
        await Expect(page.Locator(".titlebar .total")).ToHaveTextAsync("1 total");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_sync_started_from_the_page_shows_its_phases_reaching_100_percent_and_cancel_works()
    {
        Environment.SetEnvironmentVariable("VCSYNC_PASSWORD_SERVE_DEAD", "unused");
        if (await world.Sqlite.FindVCenterByNameAsync("serve-dead", Ct) is null)
        {
            // Nothing listens on port 1: its sync keeps retrying the connection until cancelled.
            await world.RegisterAsync(world.Sqlite, "serve-dead", "https://127.0.0.1:1/sdk");
        }

        var options = new ServeOptions
        {
            Token = RunningServer.Token,
            Worker = Jobs.JobWorld.FastWorker("serve-browser") with { Retry = VcSync.Sync.Reliability.SyncRetryOptions.Default with { MaxRetries = 20 } },
            EventPollInterval = TimeSpan.FromMilliseconds(100),
        };
        await using var server = await RunningServer.StartAsync(world.Sqlite, options);
        var page = await browser.NewPageAsync(_consoleErrors);
        await page.GotoAsync(new Uri(server.BaseAddress, "jobs").ToString());
        await page.Locator("#start-sync select[name=vcenter]").SelectOptionAsync(ServerWorld.VCenterName);
        await page.Locator("#start-sync button").ClickAsync();
        // No token in this tab yet: the page asks for it once, then goes on with the sync.
        await Expect(page.Locator("#token-form")).ToBeVisibleAsync();
        await page.Locator("#token-form input[name=token]").FillAsync(RunningServer.Token);
        await page.Locator("#token-form button").ClickAsync();
        await UntilJobPageAsync(page, server);
        await Expect(page.Locator(".titlebar [data-field=status]")).ToHaveTextAsync("completed", new() { Timeout = 120_000 });
        foreach (var phase in new[] { "connect", "inventory", "alarms" })
        {
            await Expect(page.Locator($"li[data-task={phase}] progress")).ToHaveAttributeAsync("value", "100");
            await Expect(page.Locator($"li[data-task={phase}] [data-field=progress]")).ToHaveTextAsync("100 %");
        }

        await Expect(page.Locator("#cancel-job")).ToBeHiddenAsync();
        await BrowserSession.ScreenshotAsync(page, "job");

        await page.GotoAsync(new Uri(server.BaseAddress, "jobs").ToString());
        await BrowserSession.ScreenshotAsync(page, "jobs");
        await page.Locator("#start-sync select[name=vcenter]").SelectOptionAsync("serve-dead");
        await page.Locator("#start-sync button").ClickAsync();
        await UntilJobPageAsync(page, server);
        await page.Locator("#cancel-job").ClickAsync();
        await Expect(page.Locator(".titlebar [data-field=status]")).ToHaveTextAsync("cancelled", new() { Timeout = 60_000 });
        await Expect(page.Locator("#cancel-job")).ToBeHiddenAsync();
        Assert.DoesNotContain(_consoleErrors, e => !e.Contains("409", StringComparison.Ordinal));
    }

    private static async Task UntilJobPageAsync(Microsoft.Playwright.IPage page, RunningServer server)
    {
        // Polled: WaitForURLAsync sometimes missed a navigation that had already happened (seen under load).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!System.Text.RegularExpressions.Regex.IsMatch(page.Url, "/jobs/[0-9a-f-]{36}$"))
        {
            Assert.True(
                DateTime.UtcNow < deadline,
                $"no job page after starting a sync; the page says: {await page.Locator("#flash").TextContentAsync()}; " +
                $"at {page.Url}; the server logged: {string.Join(" | ", server.Logs.Lines.TakeLast(15))}");
            await Task.Delay(100, Ct);
        }

        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.DOMContentLoaded);
    }

    [Fact]
    public async Task The_change_feed_filters_by_type_and_opens_one_object_s_history()
    {
        await using var server = await RunningServer.StartAsync(world.Sqlite);
        var history = world.Sqlite.Changes();
        var all = await history.ListAsync(new ChangeQuery { Limit = 1_000_000 }, Ct);
        var page = await browser.NewPageAsync(_consoleErrors);
        await page.GotoAsync(new Uri(server.BaseAddress, "changes").ToString());
        await Expect(page.Locator(".titlebar .total")).ToHaveTextAsync($"{all.Count:N0} total");
        await BrowserSession.ScreenshotAsync(page, "changes");

        await page.Locator("form.filters select[name=type]").SelectOptionAsync("host");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await Expect(page.Locator(".titlebar .total")).ToHaveTextAsync($"{all.Count(c => (string?)c["object_type"] == "host"):N0} total");
        var link = page.Locator("table.list tbody tr").First.Locator("td:nth-child(4) a");
        var name = await link.TextContentAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/changes\\?moref="));
        var moref = (string)all.First(c => (string?)c["object_type"] == "host" && (string?)c["object_name"] == name)["moref"]!;
        await Expect(page.Locator(".titlebar .total")).ToHaveTextAsync($"{all.Count(c => (string?)c["moref"] == moref):N0} total");
        // The object's history keeps to that object when another filter is picked.
        await page.Locator("form.filters select[name=kind]").SelectOptionAsync("created");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await Expect(page.Locator(".titlebar .total")).ToHaveTextAsync(
            $"{all.Count(c => (string?)c["moref"] == moref && (string?)c["change_kind"] == "created"):N0} total");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Hostile_names_show_literally()
    {
        await using var server = await RunningServer.StartAsync(world.Sqlite);
        var page = await browser.NewPageAsync(_consoleErrors);
        const string hostileVm = "Finance <DB> & \"Reports\" 'Q4'";
        await page.GotoAsync(new Uri(server.BaseAddress, "vms?search=" + Uri.EscapeDataString("<DB>")).ToString());
        await Expect(page.Locator("table.list tbody tr td").First).ToHaveTextAsync(hostileVm);
        Assert.Equal(0, await page.Locator("table.list db").CountAsync());

        await page.GotoAsync(new Uri(server.BaseAddress, "servers").ToString());
        await Expect(page.Locator("table.list td", new() { HasTextString = "onerror" })).ToHaveTextAsync(ServerWorld.HostileHostname);
        Assert.Equal(0, await page.Locator("table.list img").CountAsync());
        Assert.Equal(0, await page.Locator("a[href^='javascript']").CountAsync());
        Assert.Null(await page.EvaluateAsync<object?>("() => window.__pwned ?? null"));
        await BrowserSession.ScreenshotAsync(page, "servers");
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task Every_page_renders_under_the_content_security_policy()
    {
        await using var server = await RunningServer.StartAsync(world.Sqlite);
        var page = await browser.NewPageAsync(_consoleErrors);
        var linkedHost = (await world.Sqlite.ListRowsAsync("vcenter_hosts", null, Ct)).First(h => h["server_id"] is not null);
        foreach (var (path, name) in new[]
                 {
                     ("hosts", "hosts"), ($"hosts/{linkedHost["id"]}", "host"), ("clusters", "clusters"), ("datastores", "datastores"),
                     ("networks", "networks"), ("alarms", "alarms"),
                 })
        {
            var response = await page.GotoAsync(new Uri(server.BaseAddress, path).ToString());
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            // The stylesheet applied: inline styles would have been blocked, the file is not.
            Assert.Equal("rgb(21, 32, 46)", await page.Locator("header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            await BrowserSession.ScreenshotAsync(page, name);
        }

        await page.GotoAsync(new Uri(server.BaseAddress, $"hosts/{linkedHost["id"]}").ToString());
        await Expect(page.Locator("#dell-server [data-service-tag]")).ToHaveTextAsync(world.LinkedTag);
        await Expect(page.Locator("#dell-server a.external")).ToHaveAttributeAsync("href", "https://192.0.2.10/");
        var unlinked = (await world.Sqlite.ListRowsAsync("vcenter_hosts", null, Ct)).First(h => h["server_id"] is null);
        await page.GotoAsync(new Uri(server.BaseAddress, $"hosts/{unlinked["id"]}").ToString());
        await Expect(page.Locator("#dell-server [data-reason]")).Not.ToBeEmptyAsync();
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task With_reads_guarded_the_dashboard_asks_for_the_token_and_keeps_it_for_the_tab()
    {
        await using var server = await RunningServer.StartAsync(world.Sqlite, new ServeOptions { Token = RunningServer.Token, TokenForReads = true });
        var page = await browser.NewPageAsync(_consoleErrors);
        await page.GotoAsync(server.BaseAddress.ToString());
        await Expect(page.Locator("#token-needed")).ToBeVisibleAsync();
        await page.Locator("#token-form input[name=token]").FillAsync(RunningServer.Token);
        await page.Locator("#token-form button").ClickAsync();
        await Expect(page.Locator($"tr[data-vcenter=\"{ServerWorld.VCenterName}\"]")).ToBeVisibleAsync();
        await page.Locator("header nav a[href='/vms']").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("VMs");
        Assert.Equal(RunningServer.Token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('vcsync.token')"));
        Assert.Empty(await page.Context.CookiesAsync());
        // 401s of the first, token-less load are the expected kind of console error.
        Assert.DoesNotContain(_consoleErrors, e => !e.Contains("401", StringComparison.Ordinal));
    }
}
