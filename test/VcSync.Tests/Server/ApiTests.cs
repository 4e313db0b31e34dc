using System.Net;
using System.Text;
using System.Text.Json;
using VcSync.Server.Hosting;
using VcSync.Storage;

namespace VcSync.Tests.Server;

/// <summary>The HTTP API over a real Kestrel, on SQLite and on PostgreSQL, checked against what the database holds.</summary>
[Collection(ServerCollection.Name)]
public sealed class ApiTests(ServerWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Vm_lists_filter_sort_page_and_link_like_the_database(string kind)
    {
        var store = world.Store(kind);
        await using var server = await RunningServer.StartAsync(store);
        var vms = await store.ListRowsAsync("vcenter_vms", null, Ct);
        var hosts = await store.ListRowsAsync("vcenter_hosts", null, Ct);

        // Sorted by name descending, by code point, paged: two pages are the first 20 of the database's order.
        var expected = vms.Select(v => (string)v["name"]!).Order(StringComparer.Ordinal).Reverse().Take(20).ToList();
        var first = await GetAsync(server, "/api/v1/vms?sort=-name&limit=10");
        var second = await GetAsync(server, "/api/v1/vms?sort=-name&limit=10&offset=10");
        Assert.Equal(vms.Count, first.GetProperty("total").GetInt64());
        Assert.Equal(expected, [.. Names(first), .. Names(second)]);

        // A filter: every item matches it, and the total is the database's count.
        var off = await GetAsync(server, "/api/v1/vms?power_state=poweredOff&limit=1000");
        Assert.Equal(vms.Count(v => (string?)v["power_state"] == "poweredOff"), off.GetProperty("total").GetInt64());
        Assert.All(off.GetProperty("items").EnumerateArray(), i => Assert.Equal("poweredOff", i.GetProperty("power_state").GetString()));

        // Search is "name contains", case-insensitive.
        var target = (string)vms.First(v => ((string)v["name"]!).StartsWith("app-", StringComparison.Ordinal))["name"]!;
        var found = await GetAsync(server, $"/api/v1/vms?search={Uri.EscapeDataString(target[1..].ToUpperInvariant())}");
        Assert.Contains(target, Names(found));
        Assert.All(Names(found), n => Assert.Contains(target[1..], n, StringComparison.OrdinalIgnoreCase));

        // An item carries the contract's columns under their names, and links to its host.
        var vm = found.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == target);
        var row = vms.Single(v => (string)v["name"]! == target);
        foreach (var column in row.Keys)
        {
            Assert.True(vm.TryGetProperty(column, out _), $"item lacks {column}");
        }

        var host = hosts.Single(h => h["moref"]!.Equals(row["host_moref"]) && h["source_vcenter_id"]!.Equals(row["source_vcenter_id"]));
        Assert.Equal($"/api/v1/hosts/{host["id"]}", vm.GetProperty("links").GetProperty("host").GetString());
        var linked = await GetAsync(server, vm.GetProperty("links").GetProperty("host").GetString()!);
        Assert.Equal(host["name"], linked.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_host_links_to_its_Dell_server_and_servers_filter_unlinked(string kind)
    {
        await using var server = await RunningServer.StartAsync(world.Store(kind));
        var servers = await GetAsync(server, "/api/v1/servers?unlinked=false");
        var linked = Assert.Single(servers.GetProperty("items").EnumerateArray());
        Assert.Equal(world.LinkedTag, linked.GetProperty("service_tag").GetString());
        var host = await GetAsync(server, linked.GetProperty("links").GetProperty("host").GetString()!);
        Assert.Equal(linked.GetProperty("links").GetProperty("self").GetString(), host.GetProperty("links").GetProperty("server").GetString());
        var unlinked = await GetAsync(server, "/api/v1/servers?unlinked=true");
        Assert.Equal("HOSTILE1", Assert.Single(unlinked.GetProperty("items").EnumerateArray()).GetProperty("service_tag").GetString());

        var alarms = await GetAsync(server, "/api/v1/alarms?status=red&limit=1000");
        Assert.True(alarms.GetProperty("total").GetInt64() > 0);
        Assert.All(alarms.GetProperty("items").EnumerateArray(), a => Assert.Equal("red", a.GetProperty("overall_status").GetString()));
    }

    [Theory]
    [InlineData("sqlite", "/api/v1/vms?colour=red", 400, "'colour' is not a filter of vms")]
    [InlineData("postgres", "/api/v1/vms?limit=0", 400, "limit must be a whole number from 1 to 1000")]
    [InlineData("sqlite", "/api/v1/vms?limit=1001", 400, "limit must be a whole number from 1 to 1000")]
    [InlineData("sqlite", "/api/v1/vms?limit=ten", 400, "got 'ten'")]
    [InlineData("postgres", "/api/v1/vms?sort=password", 400, "'password' is not a sortable column of vms")]
    [InlineData("sqlite", "/api/v1/vms?sort=name;DROP TABLE vcenter_vms", 400, "is not a sortable column")]
    [InlineData("postgres", "/api/v1/hosts?vcenter=nowhere", 400, "no vCenter is named 'nowhere'")]
    [InlineData("sqlite", "/api/v1/vms?is_template=maybe", 400, "is_template must be true or false")]
    [InlineData("postgres", "/api/v1/jobs/0c9a4c57-0000-4000-8000-000000000000", 404, "no job has id")]
    [InlineData("sqlite", "/api/v1/hosts/0c9a4c57-0000-4000-8000-000000000000", 404, "no item of hosts has id")]
    [InlineData("sqlite", "/api/v1/changes?since=yesterday", 400, "since must be an ISO 8601 time")]
    [InlineData("postgres", "/api/v1/changes?until=31/12/2026", 400, "until must be an ISO 8601 time")]
    [InlineData("postgres", "/api/v1/changes?object=vm-1", 400, "'object' is not a filter of changes")]
    [InlineData("sqlite", "/api/v1/changes?sort=-password", 400, "'password' is not a sortable column of changes")]
    [InlineData("postgres", "/api/v1/changes?vcenter=nowhere&type=vm", 400, "no vCenter is named 'nowhere'")]
    [InlineData("sqlite", "/api/v1/changes/0c9a4c57-0000-4000-8000-000000000000", 404, "no item of changes has id")]
    public async Task Bad_requests_get_problem_details_with_a_clear_message(string kind, string path, int status, string message)
    {
        await using var server = await RunningServer.StartAsync(world.Store(kind));
        using var response = await server.Client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at VcSync", body, StringComparison.Ordinal);
        // The injected SQL did nothing.
        Assert.True((await world.Store(kind).CountRowsAsync(Ct))["vcenter_vms"] > 0);
    }

    [Fact]
    public async Task Loopback_reads_need_no_token_and_writes_need_one_always()
    {
        await using (var open = await RunningServer.StartAsync(world.Sqlite))
        {
            Assert.Equal(HttpStatusCode.OK, (await open.Client.GetAsync("/api/v1/vcenters", Ct)).StatusCode);
            using var write = await open.Client.PostAsync("/api/v1/jobs", Json($"{{\"vcenter\":\"{ServerWorld.VCenterName}\"}}"), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
            Assert.Contains("VCSYNC_API_TOKEN", await write.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        await using var server = await RunningServer.StartAsync(world.Sqlite, new ServeOptions { Token = RunningServer.Token });
        using (var missing = await server.Client.PostAsync("/api/v1/jobs/0c9a4c57-0000-4000-8000-000000000000/cancel", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        }

        const string wrongToken = "wrong-token-SHOULD-NOT-BE-LOGGED";
        using (var wrong = await server.Client.SendAsync(
                   RunningServer.Authorized(HttpMethod.Post, "/api/v1/jobs/0c9a4c57-0000-4000-8000-000000000000/cancel", wrongToken), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var right = await server.Client.SendAsync(
                   RunningServer.Authorized(HttpMethod.Post, "/api/v1/jobs/0c9a4c57-0000-4000-8000-000000000000/cancel"), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, right.StatusCode);
        }

        Assert.Contains(server.Logs.Lines, l => l.Contains("wrong bearer token", StringComparison.Ordinal));
        Assert.Contains(server.Logs.Lines, l => l.Contains("no bearer token", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(wrongToken, StringComparison.Ordinal) || l.Contains(RunningServer.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Beyond_loopback_every_request_needs_the_token_unless_anonymous_reads_are_allowed()
    {
        Assert.Throws<ArgumentException>(() => new ServeOptions { Listen = new IPEndPoint(IPAddress.Any, 8080) }.Validate());
        Assert.Throws<ArgumentException>(() => new ServeOptions { Listen = new IPEndPoint(IPAddress.Any, 8080), Token = "short" }.Validate());
        new ServeOptions { Listen = new IPEndPoint(IPAddress.Any, 8080), Token = RunningServer.Token }.Validate();

        // As beyond loopback (the tests themselves only ever listen on 127.0.0.1).
        var guarded = new ServeOptions { Token = RunningServer.Token, TokenForReads = true };
        await using (var server = await RunningServer.StartAsync(world.Postgres, guarded))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/v1/vms", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/metrics", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(RunningServer.Authorized(HttpMethod.Get, "/api/v1/vms", "nope-nope-nope-nope"), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(RunningServer.Authorized(HttpMethod.Get, "/api/v1/vms"), Ct)).StatusCode);
            using var page = await server.Client.GetAsync("/vms", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(Ct);
            Assert.Contains("token-needed", html, StringComparison.Ordinal);
            Assert.DoesNotContain("app-0", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/static/app.js", Ct)).StatusCode);
        }

        await using var anonymous = await RunningServer.StartAsync(world.Postgres, guarded with { AllowAnonymousRead = true });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.GetAsync("/api/v1/vms", Ct)).StatusCode);
        using var post = await anonymous.Client.PostAsync("/api/v1/jobs", Json($"{{\"vcenter\":\"{ServerWorld.VCenterName}\"}}"), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task No_secret_is_served_and_pages_carry_a_strict_content_security_policy(string kind)
    {
        await using var server = await RunningServer.StartAsync(world.Store(kind));
        foreach (var path in new[] { "/api/v1/vcenters", "/", "/openapi/v1.json", "/metrics", "/vms", "/servers", "/jobs" })
        {
            using var response = await server.Client.GetAsync(path, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(ServerWorld.StoredCiphertext, body, StringComparison.Ordinal);
            Assert.DoesNotContain("password_encrypted", body, StringComparison.Ordinal);
            Assert.DoesNotContain(world.Simulator.Password, body, StringComparison.Ordinal);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var html = await server.Client.GetStringAsync("/servers?unlinked=true", Ct);
        Assert.DoesNotContain(ServerWorld.HostileHostname, html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Metrics_are_the_database_s_figures_and_openapi_describes_the_lists(string kind)
    {
        var store = world.Store(kind);
        await using var server = await RunningServer.StartAsync(store);
        var metrics = await server.Client.GetStringAsync("/metrics", Ct);
        var vms = await store.ListRowsAsync("vcenter_vms", null, Ct);
        foreach (var group in vms.GroupBy(v => (string?)v["power_state"] ?? "unknown"))
        {
            Assert.Matches($"vcsync_vms\\{{[^}}]*power_state=\"{group.Key}\"[^}}]*vcenter=\"{ServerWorld.VCenterName}\"[^}}]*\\}} {group.Count()}\\b", metrics);
        }

        var datastore = (await store.ListRowsAsync("vcenter_datastores", null, Ct)).First(d => d["capacity_bytes"] is not null);
        Assert.Contains($"datastore=\"{datastore["name"]}\",vcenter=\"{ServerWorld.VCenterName}\"}} {datastore["capacity_bytes"]}", metrics, StringComparison.Ordinal);
        Assert.Contains("vcsync_hosts{", metrics, StringComparison.Ordinal);
        Assert.Contains("vcsync_alarms{", metrics, StringComparison.Ordinal);
        Assert.Contains("vcsync_jobs_queued ", metrics, StringComparison.Ordinal);
        Assert.Contains($"vcsync_sync_last_success_age_seconds{{otel_scope_name=\"VcSync\",vcenter=\"{ServerWorld.VCenterName}\"}}", metrics, StringComparison.Ordinal);

        using var openApi = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json", Ct));
        var list = openApi.RootElement.GetProperty("paths").GetProperty("/api/v1/vms").GetProperty("get");
        Assert.Contains(list.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "power_state");
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/jobs/{id}/cancel", out _));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_job_enqueued_by_post_streams_its_phases_to_completion_and_cancel_answers_right(string kind)
    {
        var store = world.Store(kind);
        var options = new ServeOptions { Token = RunningServer.Token, Worker = Jobs.JobWorld.FastWorker("serve-test-" + kind), EventPollInterval = TimeSpan.FromMilliseconds(100) };
        await using var server = await RunningServer.StartAsync(store, options);

        using (var unknown = await server.Client.SendAsync(Post("/api/v1/jobs", "{\"vcenter\":\"nowhere\"}"), Ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        }

        using (var malformed = await server.Client.SendAsync(Post("/api/v1/jobs", "{\"vcenter\":"), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        }

        using var accepted = await server.Client.SendAsync(Post("/api/v1/jobs", $"{{\"vcenter\":\"{ServerWorld.VCenterName}\"}}"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var job = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(Ct));
        var id = job.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/jobs/{id}", accepted.Headers.Location?.ToString());
        Assert.Equal(["connect", "inventory", "alarms"], job.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        // The event stream ends by itself once the job has; its last job event is the finished job.
        using var events = await server.Client.GetAsync($"/api/v1/jobs/{id}/events", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        var stream = await events.Content.ReadAsStringAsync(Ct);
        var jobEvents = stream.Split("\n\n").Where(e => e.StartsWith("event: job", StringComparison.Ordinal)).ToList();
        Assert.True(jobEvents.Count >= 2, stream);
        Assert.EndsWith("event: end\ndata: {}", stream.TrimEnd());
        using var last = JsonDocument.Parse(jobEvents[^1].Split("data: ", 2)[1]);
        Assert.Equal("completed", last.RootElement.GetProperty("status").GetString());
        Assert.All(last.RootElement.GetProperty("tasks").EnumerateArray(), t =>
        {
            Assert.Equal("completed", t.GetProperty("status").GetString());
            Assert.Equal(100, t.GetProperty("progress").GetInt32());
        });

        using (var finished = await server.Client.SendAsync(RunningServer.Authorized(HttpMethod.Post, $"/api/v1/jobs/{id}/cancel"), Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
        }

        var listed = await GetAsync(server, $"/api/v1/jobs?status=completed&vcenter={ServerWorld.VCenterName}");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == id);
        var metrics = await server.Client.GetStringAsync("/metrics", Ct);
        Assert.Matches($"vcsync_sync_jobs_total\\{{[^}}]*status=\"completed\",vcenter=\"{ServerWorld.VCenterName}\"\\}} [1-9]", metrics);
        Assert.Contains("vcsync_sync_last_duration_seconds{", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Cancelling_a_pending_job_cancels_it(string kind)
    {
        var store = world.Store(kind);
        await using var server = await RunningServer.StartAsync(store, new ServeOptions { Token = RunningServer.Token });
        using var accepted = await server.Client.SendAsync(Post("/api/v1/jobs", $"{{\"vcenter\":\"{ServerWorld.VCenterName}\"}}"), Ct);
        using var job = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync(Ct));
        var id = job.RootElement.GetProperty("id").GetGuid();
        Assert.Equal("pending", job.RootElement.GetProperty("status").GetString());
        using var cancelled = await server.Client.SendAsync(RunningServer.Authorized(HttpMethod.Post, $"/api/v1/jobs/{id}/cancel"), Ct);
        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(VcSync.Storage.Jobs.JobStatus.Cancelled, (await store.Jobs().FindAsync(id, Ct))!.Status);
        var events = await server.Client.GetStringAsync($"/api/v1/jobs/{id}/events", Ct);
        Assert.Contains("\"status\":\"cancelled\"", events, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string path, string json) =>
        RunningServer.Authorized(HttpMethod.Post, path, content: Json(json));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Task<JsonElement> GetAsync(RunningServer server, string path) => server.GetJsonAsync(path);

    private static List<string> Names(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];
}
