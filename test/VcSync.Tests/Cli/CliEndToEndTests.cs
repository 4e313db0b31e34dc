using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using VcSync.Tests.Support;
using VcSync.Tests.Sync;

namespace VcSync.Tests.Cli;

/// <summary>The built <c>vcsync</c> against the simulator: clean JSON on stdout, one-line errors on stderr, exit codes.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class CliEndToEndTests(SimulatorFixture fixture) : IAsyncLifetime
{
    private static readonly string[] TableKeys = ["new", "updated", "deleted", "unchanged"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vcsync-clitest-" + Guid.NewGuid().ToString("N")[..12]);

    private string Database => Path.Combine(_directory, "vcsync.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Sync_json_prints_exactly_one_result_document_and_the_list_commands_show_the_rows()
    {
        var sync = await RunAsync(SyncArguments("--thumbprint", fixture.Simulator.Thumbprint, "--json"));

        Assert.True(sync.ExitCode == 0, sync.ToString());
        using var result = ParseSingleDocument(sync.StandardOutput);
        var root = result.RootElement;
        Assert.Equal(
            ["clusters", "hosts", "vms", "datastores", "networks", "alarms", "total_objects", "soap_calls", "fetch_time_ms", "process_time_ms", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        foreach (var name in new[] { "clusters", "vms", "datastores", "networks", "alarms" })
        {
            Assert.Equal(TableKeys, root.GetProperty(name).EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal([.. TableKeys, "auto_linked", "ambiguous"], root.GetProperty("hosts").EnumerateObject().Select(p => p.Name));
        Assert.All(
            root.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Object ? p.Value.EnumerateObject().Select(c => c.Value) : [p.Value]),
            v => Assert.True(v.ValueKind == JsonValueKind.Number && v.GetInt64() >= 0));
        var (vms, _, _, _) = fixture.Simulator.Counts;
        Assert.Equal(vms, root.GetProperty("vms").GetProperty("new").GetInt32());
        Assert.True(root.GetProperty("soap_calls").GetInt32() > 0);

        var list = await RunAsync(["vms", "--db", Database, "--json"]);
        Assert.True(list.ExitCode == 0, list.ToString());
        using var rows = ParseSingleDocument(list.StandardOutput);
        Assert.Equal(vms, rows.RootElement.GetArrayLength());
        var names = rows.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToHashSet();
        Assert.All(HostileNameTests.HostileVmNames, n => Assert.Contains(n, names));
        Assert.All(rows.RootElement.EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.GetProperty("moref").ValueKind));

        var vcenters = await RunAsync(["vcenters", "--db", Database, "--json"]);
        Assert.True(vcenters.ExitCode == 0, vcenters.ToString());
        using var registered = ParseSingleDocument(vcenters.StandardOutput);
        var vcenter = Assert.Single(registered.RootElement.EnumerateArray());
        Assert.Equal(fixture.Simulator.InstanceUuid, vcenter.GetProperty("instance_uuid").GetString());
        Assert.Equal("completed", vcenter.GetProperty("last_sync_status").GetString());
        Assert.DoesNotContain(fixture.Simulator.Password, vcenters.StandardOutput, StringComparison.Ordinal);

        var table = await RunAsync(["vcenters", "--db", Database]);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("1 vCenters", table.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_json_prints_the_about_objects_and_cost_document()
    {
        var probe = await RunAsync(
            ["probe", "--url", fixture.Simulator.SdkUrl.ToString(), "--username", fixture.Simulator.Username,
             "--thumbprint", fixture.Simulator.Thumbprint, "--json"]);

        Assert.True(probe.ExitCode == 0, probe.ToString());
        using var document = ParseSingleDocument(probe.StandardOutput);
        var root = document.RootElement;
        Assert.Equal(["about", "objects", "pages", "soap_calls", "bytes", "fetch_time_ms"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(fixture.Simulator.InstanceUuid, root.GetProperty("about").GetProperty("instanceUuid").GetString());
        Assert.Equal(fixture.Simulator.ApiVersion, root.GetProperty("about").GetProperty("apiVersion").GetString());
        var (vms, hosts, datastores, clusters) = fixture.Simulator.Counts;
        var objects = root.GetProperty("objects");
        Assert.Equal(vms, objects.GetProperty("VirtualMachine").GetInt32());
        Assert.Equal(hosts, objects.GetProperty("HostSystem").GetInt32());
        Assert.Equal(datastores, objects.GetProperty("Datastore").GetInt32());
        Assert.Equal(clusters, objects.GetProperty("ClusterComputeResource").GetInt32());
        foreach (var name in new[] { "pages", "soap_calls", "bytes" })
        {
            Assert.True(root.GetProperty(name).GetInt64() > 0, name);
        }

        Assert.True(root.GetProperty("fetch_time_ms").GetInt64() >= 0);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_one_line_naming_the_invalid_login()
    {
        var run = await RunAsync(SyncArguments("--thumbprint", fixture.Simulator.Thumbprint, "--json"), password: "not-the-password");

        AssertOneLineFailure(run);
        Assert.Contains("login", run.ErrorLines[0], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-the-password", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_url_fails_with_one_line()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var run = await RunAsync(
            // No retries: each retry of a refused connection logs a warning line of its own (see docs/reliability.md).
            ["sync", "--url", $"https://127.0.0.1:{port}/sdk", "--username", "u", "--insecure", "--db", Database, "--json", "--retries", "0"]);

        AssertOneLineFailure(run);
        Assert.Contains($"127.0.0.1:{port}", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unverified_certificate_fails_with_one_line_naming_its_sha256_thumbprint()
    {
        var run = await RunAsync(SyncArguments("--json"));

        AssertOneLineFailure(run);
        var hex = run.ErrorLines[0].Replace(":", string.Empty, StringComparison.Ordinal);
        Assert.Contains(fixture.Simulator.Thumbprint, hex, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertOneLineFailure(CliProcess.Run run)
    {
        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.True(run.StandardOutput.Length == 0, run.ToString());
        Assert.True(run.ErrorLines.Count == 1, run.ToString());
    }

    /// <summary>The whole of standard output must be one JSON document (parsing fails on anything before or after it).</summary>
    private static JsonDocument ParseSingleDocument(string output)
    {
        Assert.False(string.IsNullOrWhiteSpace(output));
        return JsonDocument.Parse(output);
    }

    private string[] SyncArguments(params string[] extra) =>
        ["sync", "--url", fixture.Simulator.SdkUrl.ToString(), "--username", fixture.Simulator.Username, "--db", Database, .. extra];

    private Task<CliProcess.Run> RunAsync(string[] arguments, string? password = null) =>
        CliProcess.RunAsync(arguments, new Dictionary<string, string> { ["VCSYNC_PASSWORD"] = password ?? fixture.Simulator.Password });
}
