using VcSync.Storage;
using VcSync.Storage.Servers;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Servers;

/// <summary>Auto-linking in PostgreSQL, and the rule that a serial shared across vCenters links nothing.</summary>
public sealed class PostgresLinkingTests(PostgresServer server, SimulatorWorld world) : IClassFixture<SimulatorWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_serial_seen_in_two_vcenters_links_neither_until_one_is_gone()
    {
        await using var store = await InventoryStoreFactory.OpenAsync(await server.CreateDatabaseAsync("linking"), null, Ct);
        var first = await world.RegisterAsync(store, "first");
        await world.SyncAsync(store, first);
        var hosts = await store.ListRowsAsync("vcenter_hosts", first.Id, Ct);
        var tags = hosts.Select(h => h["serial_number"] as string).OfType<string>().Select(s => s.ToUpperInvariant()).Distinct().ToList();
        var sharedInWorld = await LinkingTests.SharedSerialHostsAsync(store);
        var unique = hosts.Count(h => h["serial_number"] is string) - sharedInWorld.Count;
        Assert.True(unique > 5, "the seeded world has hosts with serials of their own");

        var imported = await store.ImportServersAsync(tags.Select(t => new ServerImportRow { ServiceTag = t }).ToList(), DateTimeOffset.UtcNow, Ct);
        Assert.Equal(tags.Count, imported.New);
        Assert.Equal(unique, imported.AutoLinked);
        Assert.Equal(sharedInWorld.Count, imported.Ambiguous);
        Assert.Equal(unique, (await LinkingTests.LinksAsync(store)).Values.Count(v => v is not null));

        // The same hosts again, under a second vCenter: every serial is now shared, so nothing stays linked.
        var url = new UriBuilder(world.Simulator.SdkUrl) { Host = world.Simulator.SdkUrl.Host == "localhost" ? "127.0.0.1" : "localhost" };
        var second = await world.RegisterAsync(store, "second", url.Uri.ToString());
        var result = await world.SyncAsync(store, second);

        Assert.Equal(0, result.Hosts.AutoLinked);
        Assert.Equal(hosts.Count(h => h["serial_number"] is string), result.Hosts.Ambiguous);
        Assert.All(await store.ListServersAsync(false, Ct), s => Assert.Null(s["vcenter_host_id"]));
        Assert.All(await store.ListRowsAsync("vcenter_hosts", null, Ct), h => Assert.Null(h["server_id"]));

        // The second vCenter goes; the next sync of the first links its hosts again.
        Assert.True(await store.RemoveVCenterAsync(second.Id, Ct));
        var again = await world.SyncAsync(store, first);
        Assert.Equal(unique, again.Hosts.AutoLinked);
        Assert.Equal(0, again.Hosts.Updated);
        var linked = (await store.ListRowsAsync("vcenter_hosts", first.Id, Ct)).Where(h => h["server_id"] is not null).ToList();
        Assert.Equal(unique, linked.Count);
        var servers = (await store.ListServersAsync(false, Ct)).ToDictionary(s => (Guid)s["id"]!);
        Assert.All(linked, h => Assert.Equal(h["id"], servers[(Guid)h["server_id"]!]["vcenter_host_id"]));
    }
}
