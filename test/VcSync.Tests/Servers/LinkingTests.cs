using VcSync.Storage;
using VcSync.Storage.Servers;
using VcSync.Sync.Servers;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Servers;

/// <summary>
/// Auto-linking of the simulator's hosts to imported Dell servers, through the full sync into real SQLite. Each test
/// sets up its serial numbers on hosts of its own with the simulator's control endpoint.
/// </summary>
public sealed class LinkingTests(SimulatorWorld world) : IClassFixture<SimulatorWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_serial_trap_links_or_refuses_as_the_contract_says()
    {
        await using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var vcenter = await world.RegisterAsync(store);
        await world.SyncAsync(store, vcenter);
        var (racks, blades) = await HostsAsync(store, vcenter.Id);
        var sim = world.Simulator;
        await sim.SetHostSerialAsync(racks[0], "  tstpad1 ", null, Ct);
        await sim.SetHostSerialAsync(racks[1], "To be filled by O.E.M.", [new("AssetTag", "ASSET-1"), new("ServiceTag", "TSTOEM1")], Ct);
        await sim.SetHostSerialAsync(racks[2], "", [new("ServiceTag", " TSTMISS\t")], Ct);
        await sim.SetHostSerialAsync(racks[3], "Not Specified", [new("ServiceTag", "0000000")], Ct);
        await sim.SetHostSerialAsync(racks[4], "TSTDUP1", null, Ct);
        await sim.SetHostSerialAsync(racks[5], " tstdup1", null, Ct);
        await sim.SetHostSerialAsync(blades[0], "", [new("ServiceTag", "TSTBLD1"), new("EnclosureSerialNumberTag", "TSTCHS1")], Ct);
        await sim.SetHostSerialAsync(blades[1], "", [new("EnclosureSerialNumberTag", "TSTCHS1")], Ct);
        var first = await world.SyncAsync(store, vcenter);
        Assert.Equal(0, first.Hosts.AutoLinked);

        var csv = "service_tag,hostname,model,idrac_ip\n" +
                  "tstpad1,r0,PowerEdge R750,10.0.0.1\nTSTOEM1,r1,,\nTSTMISS,r2,,\nTSTDUP1,r4,,\nTSTBLD1,b0,PowerEdge MX750c,\nTSTCHS1,chassis,,\n";
        var imported = await store.ImportServersAsync(ServerCsv.Parse(csv), DateTimeOffset.UtcNow, Ct);
        // Straight into the store: the CSV refuses a placeholder tag, and linking must refuse it as well.
        await store.ImportServersAsync([new ServerImportRow { ServiceTag = "0000000" }], DateTimeOffset.UtcNow, Ct);

        Assert.Equal(6, imported.New);
        Assert.Equal(4, imported.AutoLinked);
        var links = await LinksAsync(store);
        Assert.Equal(racks[0], links["TSTPAD1"]);
        Assert.Equal(racks[1], links["TSTOEM1"]);
        Assert.Equal(racks[2], links["TSTMISS"]);
        Assert.Equal(blades[0], links["TSTBLD1"]);
        Assert.Null(links["TSTDUP1"]);
        Assert.Null(links["TSTCHS1"]);
        Assert.Null(links["0000000"]);

        var hosts = (await store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct)).ToDictionary(r => (string)r["name"]!);
        Assert.Equal("tstpad1", hosts[racks[0]]["serial_number"]);
        Assert.Null(hosts[racks[3]]["serial_number"]);
        Assert.Null(hosts[blades[1]]["serial_number"]);
        var servers = await store.ListServersAsync(false, Ct);
        foreach (var server in servers)
        {
            // Both sides of each link agree.
            var linkedHost = hosts.Values.SingleOrDefault(h => Equals(h["server_id"], server["id"]));
            Assert.Equal(server["vcenter_host_id"], linkedHost?["id"]);
            Assert.Equal(server["vcenter_host_id"] is null, server["linked_at"] is null);
        }

        var ambiguous = await SharedSerialHostsAsync(store);
        Assert.Contains(racks[4], ambiguous);
        Assert.Contains(racks[5], ambiguous);
        Assert.Equal(ambiguous.Count, imported.Ambiguous);

        // Links are not vCenter properties: the next sync counts no host as updated and writes nothing.
        var second = await world.SyncAsync(store, vcenter);
        Assert.Equal(0, second.Hosts.New + second.Hosts.Updated + second.Hosts.Deleted);
        Assert.Equal(0, second.Hosts.AutoLinked);
        Assert.Equal(ambiguous.Count, second.Hosts.Ambiguous);
        Assert.Equal(links, await LinksAsync(store));
        Assert.Equal(
            servers.Select(s => s["linked_at"]),
            (await store.ListServersAsync(false, Ct)).Select(s => s["linked_at"]));
    }

    [Fact]
    public async Task A_link_moves_with_the_serial_and_is_cleared_when_no_host_has_it()
    {
        await using var database = new TempDatabase();
        await using var store = await database.OpenAsync();
        var vcenter = await world.RegisterAsync(store);
        await world.SyncAsync(store, vcenter);
        var (racks, _) = await HostsAsync(store, vcenter.Id);
        var (a, b) = (racks[6], racks[7]);
        await world.Simulator.SetHostSerialAsync(a, "TSTMOV1", null, Ct);
        await world.Simulator.SetHostSerialAsync(b, "TSTMOV2", null, Ct);
        await world.SyncAsync(store, vcenter);
        await store.ImportServersAsync([new ServerImportRow { ServiceTag = "TSTMOV1" }], DateTimeOffset.UtcNow, Ct);
        Assert.Equal(a, (await LinksAsync(store))["TSTMOV1"]);

        // The serial moves from host a to host b.
        await world.Simulator.SetHostSerialAsync(a, "TSTMOV3", null, Ct);
        await world.Simulator.SetHostSerialAsync(b, "TSTMOV1", null, Ct);
        var moved = await world.SyncAsync(store, vcenter);

        Assert.Equal(2, moved.Hosts.Updated);
        Assert.Equal(1, moved.Hosts.AutoLinked);
        Assert.Equal(b, (await LinksAsync(store))["TSTMOV1"]);
        var hosts = (await store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct)).ToDictionary(r => (string)r["name"]!);
        Assert.Null(hosts[a]["server_id"]);
        Assert.NotNull(hosts[b]["server_id"]);

        // No host has it any more: the link is cleared on both sides.
        await world.Simulator.SetHostSerialAsync(b, "Not Specified", [], Ct);
        var cleared = await world.SyncAsync(store, vcenter);

        Assert.Equal(0, cleared.Hosts.AutoLinked);
        var server = Assert.Single(await store.ListServersAsync(true, Ct), s => (string)s["service_tag"]! == "TSTMOV1");
        Assert.Null(server["vcenter_host_id"]);
        Assert.Null(server["linked_at"]);
        Assert.DoesNotContain(await store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct), h => h["server_id"] is not null);
    }

    /// <summary>Host names, rack hosts and blades apart, in name order.</summary>
    internal static async Task<(List<string> Racks, List<string> Blades)> HostsAsync(IInventoryStore store, Guid vcenterId)
    {
        var hosts = await store.ListRowsAsync("vcenter_hosts", vcenterId, Ct);
        bool IsBlade(IReadOnlyDictionary<string, object?> h) => h["cluster_name"] is string c && c.StartsWith("Cluster-MX-", StringComparison.Ordinal);
        return (
            hosts.Where(h => !IsBlade(h)).Select(h => (string)h["name"]!).ToList(),
            hosts.Where(IsBlade).Select(h => (string)h["name"]!).ToList());
    }

    /// <summary>Service tag to the name of the host it is linked to, or null.</summary>
    internal static async Task<Dictionary<string, string?>> LinksAsync(IInventoryStore store) =>
        (await store.ListServersAsync(false, Ct)).ToDictionary(s => (string)s["service_tag"]!, s => (string?)s["host_name"]);

    /// <summary>Every host, of any vCenter, whose upper-cased serial another host also has: computed here, apart from the store.</summary>
    internal static async Task<List<string>> SharedSerialHostsAsync(IInventoryStore store)
    {
        var hosts = await store.ListRowsAsync("vcenter_hosts", null, Ct);
        return hosts
            .Where(h => h["serial_number"] is string)
            .GroupBy(h => ((string)h["serial_number"]!).ToUpperInvariant())
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(h => (string)h["name"]!))
            .ToList();
    }
}
