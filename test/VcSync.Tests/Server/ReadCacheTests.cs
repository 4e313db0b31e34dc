using VcSync.Storage;
using VcSync.Storage.Sqlite;

namespace VcSync.Tests.Server;

/// <summary>
/// Totals and metrics are kept per data version: a write anywhere in the database shows in the next answer, on both
/// stores; and the server takes the planner's statistics (SQLite ANALYZE) when there are none.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReadCacheTests(ServerWorld world)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_write_shows_in_the_next_total_and_scrape(string kind)
    {
        var store = world.Store(kind);
        await using var server = await RunningServer.StartAsync(store);
        var before = (await server.GetJsonAsync("/api/v1/vcenters?limit=1")).GetProperty("total").GetInt64();
        Assert.Equal(before, (await server.GetJsonAsync("/api/v1/vcenters?limit=1")).GetProperty("total").GetInt64());
        var metricsBefore = await server.Client.GetStringAsync("/metrics", Ct);

        var added = await world.RegisterAsync(store, $"serve-cache-{kind}", "https://127.0.0.1:2/sdk");
        try
        {
            Assert.Equal(before + 1, (await server.GetJsonAsync("/api/v1/vcenters?limit=1")).GetProperty("total").GetInt64());
            Assert.Equal(1, (await server.GetJsonAsync($"/api/v1/vcenters?search=serve-cache-{kind}")).GetProperty("total").GetInt64());
            var watcherStatus = $"vcsync_watcher_status{{otel_scope_name=\"VcSync\",status=\"starting\",vcenter=\"serve-cache-{kind}\"}} 1";
            Assert.DoesNotContain(watcherStatus, metricsBefore, StringComparison.Ordinal);
            Assert.True(await store.Watchers().TryClaimAsync(added.Id, "cache-test", TimeSpan.FromMinutes(1), Ct));
            Assert.Contains(watcherStatus, await server.Client.GetStringAsync("/metrics", Ct), StringComparison.Ordinal);
        }
        finally
        {
            await store.RemoveVCenterAsync(added.Id, Ct);
        }

        Assert.Equal(before, (await server.GetJsonAsync("/api/v1/vcenters?limit=1")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_server_takes_the_planner_s_statistics_when_there_are_none()
    {
        var sqlite = (SqliteInventoryStore)world.Sqlite;
        await using (var connection = await sqlite.OpenAsync(Ct))
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE IF EXISTS sqlite_stat1";
            await drop.ExecuteNonQueryAsync(Ct);
        }

        await using var server = await RunningServer.StartAsync(world.Sqlite);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await VmStatisticsAsync(sqlite) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no ANALYZE within 30 s of the server's start");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<long> VmStatisticsAsync(SqliteInventoryStore store)
    {
        await using var connection = await store.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if ((long)(await command.ExecuteScalarAsync(Ct))! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'vcenter_vms'";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
