using System.Text.Json.Nodes;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Incremental;
using VcSync.Tests.Jobs;

namespace VcSync.Tests.Incremental;

/// <summary><c>vcsync worker --incremental</c>: a job's sync finds nothing changed and is recorded as a completed job.</summary>
public sealed class IncrementalJobTests(JobWorld world) : IClassFixture<JobWorld>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-incremental-job-").FullName;

    public void Dispose()
    {
        SqliteConnectionPools.Clear();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_second_job_of_an_unchanged_vcenter_completes_without_reading_the_inventory()
    {
        await using var store = await InventoryStoreFactory.OpenAsync(Path.Combine(_directory, "jobs.db"), null, Ct);
        var vcenter = await world.RegisterAsync(store, "incremental-job");
        var options = JobWorld.FastWorker("incremental-worker") with { Sessions = new FileSessionCookieStore(Path.Combine(_directory, "sessions")) };
        var first = await world.RunJobAsync(store, vcenter, options);
        await world.Simulator.ResetCallCountsAsync(Ct);

        var second = await world.RunJobAsync(store, vcenter, options);

        var calls = (await world.Simulator.GetStatusAsync(Ct)).Calls;
        Assert.False(calls.ContainsKey("CreateContainerView"), "the second job read the inventory again");
        Assert.False(calls.ContainsKey("Login"), "the second job did not reuse the kept session");
        var vms = JsonNode.Parse(second.Result!)!["vms"]!;
        Assert.Equal(JsonNode.Parse(first.Result!)!["vms"]!["new"]!.GetValue<int>(), vms["unchanged"]!.GetValue<int>());
        Assert.Equal(0, vms["new"]!.GetValue<int>() + vms["updated"]!.GetValue<int>() + vms["deleted"]!.GetValue<int>());
        Assert.All(second.Tasks, task => Assert.Equal(JobStatus.Completed, task.Status));
        Assert.Equal(3, second.Tasks.Count);
    }
}
