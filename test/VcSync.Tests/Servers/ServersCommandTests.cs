using System.Text.Json;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Servers;

/// <summary><c>vcsync servers</c> and <c>vcsync servers import</c>, run as the real CLI.</summary>
public sealed class ServersCommandTests(SimulatorWorld world) : IClassFixture<SimulatorWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_csv_with_a_malformed_row_imports_nothing_and_names_the_line()
    {
        await using var database = new TempDatabase();
        var csv = database.File("servers.csv");
        await File.WriteAllTextAsync(
            csv, "service_tag,hostname,model,idrac_ip\nABC1234,a,R750,10.0.0.1\nDEF5678,b,R650,10.0.0.2\nGHJ9012,c,R640,10.0.0.300\n", Ct);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("servers", "import", csv, "--db", database.Path, "--json");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        var error = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 4: invalid iDRAC IP address '10.0.0.300'", error, StringComparison.Ordinal);
        await using var store = await database.OpenAsync();
        Assert.Empty(await store.ListServersAsync(false, Ct));
    }

    [Fact]
    public async Task Import_links_and_lists_servers_as_json()
    {
        await using var database = new TempDatabase();
        await using (var store = await database.OpenAsync())
        {
            await world.SyncAsync(store, await world.RegisterAsync(store));
        }

        await using var reader = await database.OpenAsync();
        var shared = await LinkingTests.SharedSerialHostsAsync(reader);
        var host = (await reader.ListRowsAsync("vcenter_hosts", null, Ct))
            .First(h => h["serial_number"] is string && !shared.Contains((string)h["name"]!));
        var tag = ((string)host["serial_number"]!).ToUpperInvariant();
        var csv = database.File("servers.csv");
        await File.WriteAllTextAsync(csv, $"service_tag,hostname,model,idrac_ip\n\"{tag.ToLowerInvariant()}\",\"idrac, {tag}\",PowerEdge R750,10.9.8.7\nZZZ0001,spare,,\n", Ct);

        var import = await CliRunner.RunAsync("servers", "import", csv, "--db", database.Path, "--json");

        Assert.Equal(0, import.ExitCode);
        using (var result = JsonDocument.Parse(import.Stdout))
        {
            Assert.Equal(2, result.RootElement.GetProperty("new").GetInt32());
            Assert.Equal(1, result.RootElement.GetProperty("auto_linked").GetInt32());
        }

        var list = await CliRunner.RunAsync("servers", "--db", database.Path, "--json");
        Assert.Equal(0, list.ExitCode);
        using (var servers = JsonDocument.Parse(list.Stdout))
        {
            var rows = servers.RootElement.EnumerateArray().ToList();
            Assert.Equal([tag, "ZZZ0001"], rows.Select(r => r.GetProperty("service_tag").GetString()));
            Assert.Equal($"idrac, {tag}", rows[0].GetProperty("hostname").GetString());
            Assert.Equal(host["name"], rows[0].GetProperty("host_name").GetString());
            Assert.Equal("sim", rows[0].GetProperty("vcenter").GetString());
            Assert.Equal(host["id"]!.ToString(), rows[0].GetProperty("vcenter_host_id").GetString());
            Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("vcenter_host_id").ValueKind);
        }

        var unlinked = await CliRunner.RunAsync("servers", "--unlinked", "--db", database.Path, "--json");
        Assert.Equal(0, unlinked.ExitCode);
        using var only = JsonDocument.Parse(unlinked.Stdout);
        Assert.Equal(["ZZZ0001"], only.RootElement.EnumerateArray().Select(r => r.GetProperty("service_tag").GetString()));
    }
}
