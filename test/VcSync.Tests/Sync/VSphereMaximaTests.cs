using System.Text.Json;
using System.Text.Json.Nodes;
using VcSync.Simulator;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>
/// Values at vSphere 8's configuration maxima (the simulator's <c>-size maxima</c> world) are stored exactly in both
/// stores, and a value that cannot be stored is NULL plus a warning while the sync completes.
/// </summary>
public sealed class VSphereMaximaTests(PostgresServer postgres)
{
    private const long TiB = 1L << 40;
    private const int Hosts = 96;

    // The simulator adds up its hosts as vCenter does: effectiveMemory (MB) is 90 % of each connected host's memory.
    private const long TotalMemoryBytes = Hosts * 24 * TiB;
    private const long EffectiveMemoryMb = Hosts * ((24 * TiB >> 20) * 9 / 10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Stores => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_world_at_vSphere_8_maxima_is_stored_exactly(string store)
    {
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "maxima" }, Ct);
        await using var db = await OpenAsync(store, "maxima");
        var vcenter = await db.RegisterAsync(simulator);

        var result = await db.SyncAsync(vcenter, simulator);

        Assert.Equal(0, result.Warnings);
        Assert.True(EffectiveMemoryMb > int.MaxValue);
        var cluster = Assert.Single(await db.Store.ListRowsAsync("vcenter_clusters", vcenter.Id, Ct));
        Assert.Equal(TotalMemoryBytes, cluster["total_memory_bytes"]);
        Assert.Equal(EffectiveMemoryMb, cluster["effective_memory_mb"]);
        Assert.Equal(Hosts, cluster["num_hosts"]);
        Assert.Equal(Hosts, cluster["num_effective_hosts"]);

        var vms = await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct);
        var big = Assert.Single(vms, vm => Equals(vm["cpu_count"], 768));
        Assert.Equal(24 * 1024 * 1024, big["memory_mb"]);
        Assert.Equal(long.MaxValue, big["disk_uncommitted_bytes"]);

        var datastores = (await db.Store.ListRowsAsync("vcenter_datastores", vcenter.Id, Ct))
            .Select(d => ((string)d["type"]!, (long)d["capacity_bytes"]!, (long)d["free_bytes"]!))
            .ToList();
        Assert.Contains(("VMFS", 64 * TiB, 16 * TiB), datastores);
        Assert.Contains(("vsan", 8L << 50, 4L << 50), datastores);
        Assert.Contains(("NFS", long.MaxValue, long.MaxValue - TiB), datastores);

        // Every other column equals what the simulator reports, read independently of the sync's mapping.
        var expected = new ExpectedInventory(await SimulatorReads.ReadAsync(simulator));
        ContractAssert.RowsMatch("vcenter_clusters", [cluster], r => (string)r["moref"]!, expected.Clusters(), vcenter.Id);
        ContractAssert.RowsMatch("vcenter_vms", vms, r => (string)r["moref"]!, expected.Vms(), vcenter.Id);
        var datastoreRows = await db.Store.ListRowsAsync("vcenter_datastores", vcenter.Id, Ct);
        ContractAssert.RowsMatch("vcenter_datastores", datastoreRows, r => (string)r["moref"]!, expected.Datastores(), vcenter.Id);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_value_that_cannot_be_stored_is_null_with_a_warning_and_the_sync_completes(string store)
    {
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "maxima" }, Ct);
        var inventory = await simulator.ControlAsync(new JsonObject { ["op"] = "inventory" }, Ct);
        var clusterMoref = await SetRawValueAsync(simulator, "ClusterComputeResource", "summary.effectiveMemory", "xsd:long", "12abc");
        var hostMoref = (string)inventory["hosts"]![0]!["moref"]!;
        var longText = new string('7', 300);
        await SetRawValueAsync(simulator, hostMoref, "runtime.inMaintenanceMode", "xsd:boolean", longText);
        await using var db = await OpenAsync(store, "warnings");
        var vcenter = await db.RegisterAsync(simulator, "lab");

        var result = await db.SyncAsync(vcenter, simulator);

        Assert.Equal(2, result.Warnings);
        Assert.Equal(VcSync.Storage.SyncStatus.Completed, (await db.VCenterAsync(vcenter.Id)).LastSyncStatus);
        var cluster = Assert.Single(await db.Store.ListRowsAsync("vcenter_clusters", vcenter.Id, Ct));
        Assert.Null(cluster["effective_memory_mb"]);
        Assert.Equal(TotalMemoryBytes, cluster["total_memory_bytes"]);
        var host = Assert.Single(await db.Store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct), h => (string)h["moref"]! == hostMoref);
        Assert.Null(host["in_maintenance_mode"]);
        Assert.NotNull(host["esxi_version"]);

        var warnings = (await db.Store.ListRowsAsync("idrac_commands", null, Ct))
            .Where(r => (string)r["operation"]! == "value_warning")
            .Select(r => (Message: (string)r["error_message"]!, Details: JsonNode.Parse((string)r["details"]!)!))
            .OrderBy(w => (string)w.Details["property"]!, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, warnings.Count);
        var (message, details) = warnings[1];
        Assert.Equal(
            $"Sync of lab: ClusterComputeResource {clusterMoref} \"{cluster["name"]}\": summary.effectiveMemory = \"12abc\" stored as NULL (not a valid xsd:long)",
            message);
        Assert.Equal(("lab", clusterMoref, "summary.effectiveMemory", "12abc"), ((string)details["vcenter"]!, (string)details["moref"]!, (string)details["property"]!, (string)details["value"]!));
        var cut = (string)warnings[0].Details["value"]!;
        Assert.Equal(200, cut.Length);
        Assert.StartsWith(new string('7', 199), cut, StringComparison.Ordinal);
        Assert.Contains($"HostSystem {hostMoref} \"{host["name"]}\": runtime.inMaintenanceMode", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_shows_the_warnings_and_counts_them_in_its_json()
    {
        await using var simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "maxima" }, Ct);
        var clusterMoref = await SetRawValueAsync(simulator, "ClusterComputeResource", "summary.effectiveMemory", "xsd:long", "99999999999999999999");
        var directory = Path.Combine(Path.GetTempPath(), "vcsync-maxima-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        try
        {
            string[] arguments =
            [
                "sync", "--url", simulator.SdkUrl.ToString(), "--username", simulator.Username, "--thumbprint", simulator.Thumbprint,
                "--name", "lab", "--db", Path.Combine(directory, "vcsync.db"),
            ];
            var environment = new Dictionary<string, string> { ["VCSYNC_PASSWORD"] = simulator.Password };

            var json = await CliProcess.RunAsync([.. arguments, "--json"], environment);
            var table = await CliProcess.RunAsync(arguments, environment);

            Assert.True(json.ExitCode == 0, json.ToString());
            using var document = JsonDocument.Parse(json.StandardOutput);
            Assert.Equal(1, document.RootElement.GetProperty("warnings").GetInt32());
            var line = $"Sync of lab: ClusterComputeResource {clusterMoref} ";
            Assert.Contains(line, json.StandardError, StringComparison.Ordinal);
            Assert.Contains("summary.effectiveMemory = \"99999999999999999999\" stored as NULL (not a valid xsd:long)", json.StandardError, StringComparison.Ordinal);
            Assert.True(table.ExitCode == 0, table.ToString());
            Assert.Contains(line, table.StandardError, StringComparison.Ordinal);
            Assert.Contains("1 warnings: values that could not be stored are NULL", table.StandardOutput + table.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<SyncDatabase> OpenAsync(string store, string name) => store == "sqlite"
        ? await SyncDatabase.CreateSqliteAsync()
        : await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync(name));

    /// <summary>Makes the simulator send <paramref name="text"/> as the property's value; returns the object's moref.</summary>
    private static async Task<string> SetRawValueAsync(SimulatorProcess simulator, string objectOrType, string path, string xsiType, string text)
    {
        var moref = objectOrType;
        if (objectOrType == "ClusterComputeResource")
        {
            var reads = await SimulatorReads.ReadAsync(simulator);
            moref = reads.Of("ClusterComputeResource").Single().Obj.Value;
        }

        await simulator.ControlAsync(
            new JsonObject { ["op"] = "setRawValue", ["object"] = moref, ["path"] = path, ["xsiType"] = xsiType, ["text"] = text }, Ct);
        return moref;
    }
}
