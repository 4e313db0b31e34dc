using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Server;
using VcSync.Server.Bench;
using VcSync.Server.Hosting;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Reads;
using VcSync.Sync.FullSync;
using VcSync.Tests.Fixtures;

// vcsync serve under load: the VM list call and /metrics at a simulated vCenter's size (default max: 45,000 VMs),
// on SQLite and PostgreSQL, over loopback only. Every loop is bounded by a count or by --duration.
var size = Arg("--size", "max");
var duration = TimeSpan.FromSeconds(int.Parse(Arg("--duration", "30"), CultureInfo.InvariantCulture));
var clients = int.Parse(Arg("--clients", "200"), CultureInfo.InvariantCulture);
var sequential = int.Parse(Arg("--requests", "200"), CultureInfo.InvariantCulture);
var stores = Arg("--stores", "sqlite,postgres").Split(',');
var ct = CancellationToken.None;

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; simulator size `{size}`; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
Console.Error.WriteLine($"server bench: starting the simulator ({size})");
await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = size }, ct);
await using var postgres = new ThrowawayPostgres();
var directory = Directory.CreateTempSubdirectory("vcsync-server-bench-");
try
{
    foreach (var kind in stores)
    {
        var connection = kind == "postgres" ? await postgres.CreateDatabaseAsync("serverbench") : Path.Combine(directory.FullName, "bench.db");
        await using var store = await InventoryStoreFactory.OpenAsync(connection, null, ct);
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration { Name = "bench", Url = simulator.SdkUrl.ToString(), Username = simulator.Username, TlsThumbprint = simulator.Thumbprint }, ct);
        Console.Error.WriteLine($"server bench: syncing {size} into {kind}");
        var result = await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = simulator.Password }, null, ct);
        var vmCount = (await store.CountRowsAsync(ct))["vcenter_vms"];
        var cluster = (string)(await store.ListRowsAsync("vcenter_clusters", null, ct)).OrderByDescending(c => c["num_hosts"] as int? ?? 0).First()["name"]!;
        // Filtered and sorted pages as the dashboard asks for them, and one sort no index serves.
        string[] queries =
        [
            "/api/v1/vms?sort=name&limit=50",
            "/api/v1/vms?power_state=poweredOff&sort=-name&limit=50&offset=100",
            $"/api/v1/vms?cluster={Uri.EscapeDataString(cluster)}&sort=name&limit=50&offset=200",
            "/api/v1/vms?search=app-01&sort=name&limit=50",
            "/api/v1/vms?power_state=poweredOn&sort=-memory_mb&limit=50",
        ];
        report.AppendLine(CultureInfo.InvariantCulture, $"### {kind}: {vmCount:N0} VMs ({result.TotalObjects:N0} objects)").AppendLine();

        var app = VcSyncServer.Build(store, new ServeOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0) }, NullLoggerFactory.Instance);
        await app.StartAsync(ct);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = VcSyncServer.BaseAddress(app),
            Timeout = TimeSpan.FromSeconds(30),
        };
        await using var reads = store.Reads();

        // Warm-up: JIT, connection pools, the database's page cache.
        foreach (var query in queries)
        {
            for (var i = 0; i < 20; i++)
            {
                (await client.GetAsync(query, ct)).EnsureSuccessStatusCode();
            }
        }

        report.AppendLine("| Call (one client, sequential) | DB cold ms | DB query p50 ms | DB query p95 ms | HTTP p50 ms | HTTP p95 ms | HTTP p95 / DB p95 |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var query in queries)
        {
            var direct = new Latencies();
            var listQuery = ToListQuery(query);
            // Cold: a reader whose totals cache is empty, so the call counts the matching rows as after a change.
            double cold;
            await using (var fresh = store.Reads())
            {
                var coldStart = Stopwatch.GetTimestamp();
                await fresh.ListAsync(ListResources.Vms, listQuery, ct);
                cold = Stopwatch.GetElapsedTime(coldStart).TotalMilliseconds;
            }

            var http = new Latencies();
            for (var i = 0; i < sequential; i++)
            {
                // Alternated, so load on the machine hits both alike.
                var start = Stopwatch.GetTimestamp();
                await reads.ListAsync(ListResources.Vms, listQuery, ct);
                direct.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(query, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                response.EnsureSuccessStatusCode();
                http.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `GET {query}` | {cold:0.0} | {direct.P50} | {direct.P95} | {http.P50} | {http.P95} | {http.Percentile(95) / direct.Percentile(95):0.00} |");
        }

        var scrapes = new Latencies();
        var scrapeBytes = 0;
        for (var i = 0; i < 50; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var body = await client.GetByteArrayAsync("/metrics", ct);
            scrapes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            scrapeBytes = body.Length;
        }

        // Cold: the figures read afresh, as the first scrape after a write does (later ones reuse them).
        var coldFigures = new Latencies();
        for (var i = 0; i < 10; i++)
        {
            await using var fresh = store.Reads();
            var start = Stopwatch.GetTimestamp();
            await fresh.FiguresAsync(ct);
            coldFigures.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var baseline = new Latencies();
        for (var i = 0; i < 50; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.GetByteArrayAsync("/api/v1/vcenters", ct);
            baseline.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        report.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"`GET /metrics` ({scrapeBytes:N0} bytes), 50 sequential scrapes: p50 {scrapes.P50} ms, p95 {scrapes.P95} ms " +
            $"(figures read afresh, as after a write: p50 {coldFigures.P50} ms, p95 {coldFigures.P95} ms of 10); " +
            $"baseline `GET /api/v1/vcenters` p95 {baseline.P95} ms (scrape p95 / baseline p95 = {scrapes.Percentile(95) / baseline.Percentile(95):0.0}).");

        // Load: many clients, each looping over the queries until the time is up.
        var load = new Latencies();
        var errors = 0;
        var failures = new List<string>();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loadStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            for (var i = c; Stopwatch.GetTimestamp() < deadline; i++)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(queries[i % queries.Length], ct);
                    await response.Content.ReadAsByteArrayAsync(ct);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        lock (failures)
                        {
                            failures.Add(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                        }
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    lock (failures)
                    {
                        failures.Add(exception.GetType().Name);
                    }
                }

                load.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(loadStart).TotalSeconds;
        report.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"{clients} concurrent clients for {duration.TotalSeconds:0} s over the five VM list calls: {load.Count:N0} requests " +
            $"({load.Count / elapsed:N0}/s), **{errors} errors**{(failures.Count > 0 ? " (" + string.Join(", ", failures.Distinct()) + ")" : "")}, " +
            $"latency p50 {load.P50} ms, p95 {load.P95} ms.").AppendLine();
        await app.StopAsync(ct);
        await app.DisposeAsync();
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    directory.Delete(recursive: true);
}

Console.Out.Write(report.ToString());
return 0;

static ListQuery ToListQuery(string path)
{
    var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + path).Query);
    return new ListQuery
    {
        Search = query.TryGetValue("search", out var s) ? s.ToString() : null,
        Sort = query.TryGetValue("sort", out var sort) ? sort.ToString() : null,
        Limit = int.Parse(query["limit"].ToString(), CultureInfo.InvariantCulture),
        Offset = query.TryGetValue("offset", out var o) ? int.Parse(o.ToString(), CultureInfo.InvariantCulture) : 0,
        Filters = [.. query.Where(q => q.Key is "power_state" or "cluster").Select(q => KeyValuePair.Create(q.Key, q.Value.ToString()))],
    };
}

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
