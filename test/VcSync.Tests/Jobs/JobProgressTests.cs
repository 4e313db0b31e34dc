using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VcSync.Storage;
using VcSync.Storage.Jobs;

namespace VcSync.Tests.Jobs;

/// <summary>What a sync job's <c>inventory</c> task tells people while it runs, and what that costs the database.</summary>
public sealed partial class JobProgressTests(JobWorld world) : IClassFixture<JobWorld>, IDisposable
{
    // Two objects a page and a delay on every call: the small world's ~100 objects take 50 slow pages.
    private const int PageSize = 2;
    private static readonly TimeSpan CallDelay = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-progress-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnectionPools.Clear();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Inventory_progress_rises_with_pages_fetched_against_the_last_count_and_is_written_far_less_often_than_pages()
    {
        var database = Path.Combine(_directory, "progress.db");
        await using var store = await InventoryStoreFactory.OpenAsync(database, null, Ct);
        var vcenter = await world.RegisterAsync(store, "sim");
        var options = JobWorld.FastWorker("progress-worker") with { MaxObjectsPerPage = PageSize, ProgressInterval = ProgressInterval };

        // The first sync has no estimate; its result is the second's "~M".
        var first = await world.RunJobAsync(store, vcenter, options);
        var expected = JsonNode.Parse(first.Result!)!["total_objects"]!.GetValue<int>();
        Assert.True(expected > 50, $"{expected} objects");

        var log = await TaskWriteLog.InstallAsync(database);
        await world.Simulator.SetDelayAsync(CallDelay, Ct);
        JobRow second;
        try
        {
            second = await world.RunJobAsync(store, vcenter, options);
        }
        finally
        {
            await world.Simulator.SetDelayAsync(TimeSpan.Zero, Ct);
        }

        var writes = await log.ReadAsync(second.Id, "inventory");
        var history = string.Join("\n", writes.Select(w => $"{w.Status} {w.Progress} {w.Message}"));
        Assert.True(writes.Zip(writes.Skip(1)).All(p => p.First.Progress <= p.Second.Progress), history);
        Assert.Equal((JobStatusText.Completed, 100), (writes[^1].Status, writes[^1].Progress));

        // Fetching against the estimate: several distinct steps strictly between the start and the end of the fetch.
        var fetching = writes.Where(w => w.Status == JobStatusText.Running && w.Progress is > 0 and < 80).ToList();
        Assert.True(fetching.Select(w => w.Progress).Distinct().Count() >= 2, history);
        var suffix = string.Create(CultureInfo.InvariantCulture, $" of ~{expected:N0} objects");
        foreach (var write in fetching)
        {
            var match = FetchedMessage().Match(write.Message ?? "");
            Assert.True(match.Success && write.Message!.EndsWith(suffix, StringComparison.Ordinal), history);
            var fetched = int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Assert.InRange(fetched, 1, expected + 1);
            Assert.Equal(Math.Min(79, fetched * 80 / expected), write.Progress);
        }

        // Throttled: the fetch alone turned 50 pages, yet the task was written a handful of times.
        var pages = expected / PageSize;
        Assert.True(writes.Count <= pages / 3, $"{writes.Count} writes for at least {pages} pages:\n{history}");
    }

    [GeneratedRegex(@"^Fetched ([\d,]+) of ~[\d,]+ objects$", RegexOptions.CultureInvariant)]
    private static partial Regex FetchedMessage();
}
