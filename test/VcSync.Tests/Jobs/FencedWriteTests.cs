using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Jobs;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Jobs;

/// <summary>A worker that lost its job can never commit that job's inventory write (fenced writes), on PostgreSQL.</summary>
public sealed class FencedWriteTests(PostgresServer server, JobWorld world) : IClassFixture<JobWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_stopped_past_the_stale_timeout_and_resumed_cannot_commit_its_write()
    {
        await using var store = await InventoryStoreFactory.OpenAsync(await server.CreateDatabaseAsync("fence"), null, Ct);
        var jobs = store.Jobs();
        string connectionString;
        await using (var connection = await ((VcSync.Storage.Postgres.PostgresInventoryStore)store).OpenAsync(Ct))
        {
            connectionString = server.ConnectionString(connection.Database);
        }

        var vcenter = await world.RegisterAsync(store, "fenced");
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();
        await world.Simulator.SetDelayAsync(TimeSpan.FromMilliseconds(150), Ct);
        try
        {
            // Its heartbeat would notice the take-over on resuming and cancel the sync; beating only every 10 minutes,
            // it cannot, so the fence alone must stop the write.
            await using var stopped = WorkerProcess.Start(
                ["--db", connectionString, "--worker-id", "stopped", "--heartbeat", "10m", "--stale-after", "30m", "--poll", "100ms", "--page-size", "5"],
                new Dictionary<string, string> { ["VCSYNC_SECRET_KEY"] = world.SecretKeyBase64 });
            await JobWorld.WaitForJobAsync(
                jobs, job.Id, j => j.WorkerId == "stopped" && j.Tasks.Any(t => t.Name == JobTaskName.Inventory && t.Message?.StartsWith("Fetched", StringComparison.Ordinal) == true), "fetching in the worker process");
            stopped.Signal("STOP");

            // Past the survivor's 3 s stale timeout it takes the job over and completes it.
            await using (world.StartWorker(store, JobWorld.FastWorker("survivor")))
            {
                job = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status.IsFinished(), "finished by the survivor");
            }

            Assert.Equal(JobStatus.Completed, job.Status);
            Assert.Equal("survivor", job.WorkerId);
            var inventory = await JobWorld.InventoryAsync(store);
            var row = await store.FindVCenterAsync(vcenter.Id, Ct);

            // Resumed, the stopped worker finishes its retrieval and tries to write.
            stopped.Signal("CONT");
            var patience = DateTime.UtcNow + JobWorld.Patience;
            while (!stopped.StandardError.Contains("is no longer held by worker stopped", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < patience, "the resumed worker never reached its write:\n" + stopped.StandardError);
                await Task.Delay(100, Ct);
            }

            var after = (await jobs.FindAsync(job.Id, Ct))!;
            Assert.Equal(JobStatus.Completed, after.Status);
            Assert.Equal("survivor", after.WorkerId);
            Assert.Equal(job.CompletedAt, after.CompletedAt);
            Assert.Equal(inventory, await JobWorld.InventoryAsync(store));
            Assert.Equal(row, await store.FindVCenterAsync(vcenter.Id, Ct));
            // The stopped worker's write would have added its own fetch activity for the job.
            Assert.Equal(1, (await JobWorld.ActivitiesByJobAsync(store, "property_collector_fetch")).GetValueOrDefault(job.Id));
        }
        finally
        {
            await world.Simulator.SetDelayAsync(TimeSpan.Zero, CancellationToken.None);
        }
    }
}
