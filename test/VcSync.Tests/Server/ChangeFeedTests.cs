using System.Globalization;
using System.Text.Json;
using VcSync.Storage;
using VcSync.Storage.Changes;

namespace VcSync.Tests.Server;

/// <summary><c>GET /api/v1/changes</c>, the change feed, over a real Kestrel on SQLite and PostgreSQL, against the history the sync wrote.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChangeFeedTests(ServerWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_change_feed_pages_filters_and_sorts_like_the_history(string kind)
    {
        var store = world.Store(kind);
        await using var server = await RunningServer.StartAsync(store);
        var vcenter = (await store.FindVCenterByNameAsync(ServerWorld.VCenterName, Ct))!;
        var history = await store.Changes().ListAsync(new ChangeQuery { VCenterId = vcenter.Id, Limit = 1_000_000 }, Ct);
        Assert.True(history.Count > 40, $"the world's sync wrote {history.Count} history rows");
        var name = Uri.EscapeDataString(ServerWorld.VCenterName);

        // Newest first, ties in write order (the history's own order), paged.
        var first = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&limit=20");
        var second = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&limit=20&offset=20");
        Assert.Equal(history.Count, first.GetProperty("total").GetInt64());
        Assert.Equal(history.Take(40).Select(h => h["id"]!.ToString()), [.. Ids(first), .. Ids(second)]);
        var item = first.GetProperty("items")[0];
        foreach (var column in history[0].Keys)
        {
            Assert.True(item.TryGetProperty(column, out _), $"item lacks {column}");
        }

        Assert.Equal(ServerWorld.VCenterName, item.GetProperty("vcenter").GetString());
        Assert.Equal($"/api/v1/vcenters/{vcenter.Id}", item.GetProperty("links").GetProperty("vcenter").GetString());
        var self = await server.GetJsonAsync(item.GetProperty("links").GetProperty("self").GetString()!);
        Assert.Equal(item.GetProperty("moref").GetString(), self.GetProperty("moref").GetString());

        // Filters: type, kind, one object's history; each total is the history's count.
        var vms = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&type=vm&kind=created&limit=1000");
        Assert.Equal(history.Count(h => (string?)h["object_type"] == "vm" && (string?)h["change_kind"] == ChangeKind.Created), vms.GetProperty("total").GetInt64());
        Assert.All(vms.GetProperty("items").EnumerateArray(), i => Assert.Equal("vm", i.GetProperty("object_type").GetString()));
        var moref = (string)history.First(h => (string?)h["object_type"] == "host")["moref"]!;
        var one = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&moref={Uri.EscapeDataString(moref)}");
        Assert.Equal(history.Where(h => (string?)h["moref"] == moref).Select(h => h["id"]!.ToString()), Ids(one));

        // since (inclusive) and until (exclusive) bound changed_at.
        var newest = (DateTimeOffset)history[0]["changed_at"]!;
        var since = Uri.EscapeDataString(newest.ToString("O", CultureInfo.InvariantCulture));
        var recent = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&since={since}&limit=1");
        Assert.Equal(history.Count(h => (DateTimeOffset)h["changed_at"]! >= newest), recent.GetProperty("total").GetInt64());
        var older = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&until={since}&limit=1");
        Assert.Equal(history.Count(h => (DateTimeOffset)h["changed_at"]! < newest), older.GetProperty("total").GetInt64());
        var later = Uri.EscapeDataString(newest.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(0, (await server.GetJsonAsync($"/api/v1/changes?since={later}")).GetProperty("total").GetInt64());

        // Search is the object's name, case-insensitive; a sort by another column works.
        var objectName = (string)history.First(h => h["object_name"] is string n && n.Length > 4)["object_name"]!;
        var found = await server.GetJsonAsync($"/api/v1/changes?search={Uri.EscapeDataString(objectName.ToUpperInvariant())}&limit=1000");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("object_name").GetString() == objectName);
        Assert.All(found.GetProperty("items").EnumerateArray(), i => Assert.Contains(objectName, i.GetProperty("object_name").GetString()!, StringComparison.OrdinalIgnoreCase));
        var byMoref = await server.GetJsonAsync($"/api/v1/changes?vcenter={name}&sort=moref&limit=5");
        Assert.Equal(
            history.Select(h => (string)h["moref"]!).Order(StringComparer.Ordinal).Take(5),
            byMoref.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("moref").GetString()!));
    }

    private static List<string> Ids(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
