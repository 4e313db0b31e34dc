using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;
using VcSync.Sync.Jobs;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Jobs;

/// <summary>The job queue and its workers on a real PostgreSQL database against the simulator.</summary>
public sealed class JobQueueTests(PostgresServer server, JobWorld world) : IClassFixture<JobWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IInventoryStore> NewStoreAsync() =>
        await InventoryStoreFactory.OpenAsync(await server.CreateDatabaseAsync("jobs"), null, Ct);

    [Fact]
    public async Task Two_workers_run_each_of_twenty_jobs_exactly_once_and_never_two_of_one_vcenter_at_once()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var vcenters = new List<VCenterRow>();
        for (var i = 0; i < 5; i++)
        {
            vcenters.Add(await world.RegisterAsync(store, $"vc{i}"));
        }

        var ids = new List<Guid>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var vcenter in vcenters)
            {
                ids.AddRange((await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Select(j => j.Id));
            }
        }

        Assert.Equal(20, ids.Count);
        await using (world.StartWorker(store, JobWorld.FastWorker("worker-a")))
        await using (world.StartWorker(store, JobWorld.FastWorker("worker-b")))
        {
            foreach (var id in ids)
            {
                await JobWorld.WaitForJobAsync(jobs, id, j => j.Status.IsFinished(), "finished");
            }
        }

        var finished = new List<JobRow>();
        foreach (var id in ids)
        {
            finished.Add((await jobs.FindAsync(id, Ct))!);
        }

        Assert.All(finished, j => Assert.Equal(JobStatus.Completed, j.Status));
        Assert.All(finished, j => Assert.Contains(j.WorkerId, new[] { "worker-a", "worker-b" }));
        // Each sync writes its fetch activity with the job's id in the one transaction it commits: once per job.
        var fetches = await JobWorld.ActivitiesByJobAsync(store, "property_collector_fetch");
        Assert.All(ids, id => Assert.Equal(1, fetches.GetValueOrDefault(id)));
        Assert.Equal(20, fetches.Count);
        foreach (var group in finished.GroupBy(j => j.TargetVCenterId))
        {
            var ordered = group.OrderBy(j => j.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    ordered[i].StartedAt >= ordered[i - 1].CompletedAt,
                    $"jobs {ordered[i - 1].Id} and {ordered[i].Id} of one vCenter overlapped");
            }
        }
    }

    [Fact]
    public async Task Successful_job_reaches_100_with_every_phase_completed_and_the_sync_result()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var vcenter = await world.RegisterAsync(store, "progress");
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();
        Assert.Equal([JobTaskName.Connect, JobTaskName.Inventory, JobTaskName.Alarms], job.Tasks.Select(t => t.Name));
        Assert.All(job.Tasks, t => Assert.Equal(JobStatus.Pending, t.Status));

        await using (world.StartWorker(store, JobWorld.FastWorker("worker-p") with { MaxObjectsPerPage = 10 }))
        {
            job = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status.IsFinished(), "finished");
        }

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Null(job.Error);
        Assert.All(job.Tasks, t =>
        {
            Assert.Equal(JobStatus.Completed, t.Status);
            Assert.Equal(100, t.Progress);
            Assert.NotNull(t.StartedAt);
            Assert.NotNull(t.CompletedAt);
        });
        Assert.Equal(["Connecting to vCenter", "Fetching inventory", "Syncing alarms"], job.Tasks.Select(t => t.Label));
        var result = JsonNode.Parse(job.Result!)!;
        var counts = world.Simulator.Counts;
        Assert.Equal(counts.Vms, result["vms"]!["new"]!.GetValue<int>());
        Assert.Equal(counts.Hosts, result["hosts"]!["new"]!.GetValue<int>());
        Assert.True(result["total_objects"]!.GetValue<int>() > counts.Vms + counts.Hosts);
        Assert.Equal((await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).Count, counts.Vms);
        Assert.Equal(result.ToJsonString(), JsonNode.Parse(await jobs.LastResultAsync(vcenter.Id, Ct) ?? "null")!.ToJsonString());
    }

    [Fact]
    public async Task Cancelled_running_job_ends_cancelled_and_leaves_the_inventory_as_it_was()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var vcenter = await world.RegisterAsync(store, "cancel");
        await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = world.Simulator.Password }, null, Ct);
        var alarm = (await world.Simulator.GetTriggeredAlarmsAsync(Ct)).First(a => !a.Acknowledged);
        await world.Simulator.AcknowledgeAlarmAsync(alarm.Key, "tester", Ct);
        var before = await JobWorld.InventoryAsync(store);

        // A worker killed by another test of this class leaves its session's token behind, as a crashed
        // process would on vCenter: this job must add none of its own.
        var tokensBefore = await world.Simulator.GetOpenTokenCountAsync(Ct);
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();
        await world.Simulator.SetDelayAsync(TimeSpan.FromMilliseconds(150), Ct);
        try
        {
            await using (world.StartWorker(store, JobWorld.FastWorker("worker-c") with { MaxObjectsPerPage = 5 }))
            {
                await JobWorld.WaitForJobAsync(
                    jobs, job.Id, j => j.Tasks.Any(t => t.Name == JobTaskName.Inventory && t.Status == JobStatus.Running && t.Progress > 0), "fetching pages with a percentage");
                Assert.Equal(CancelOutcome.Requested, await jobs.RequestCancelAsync(job.Id, Ct));
                job = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status.IsFinished(), "finished");
            }
        }
        finally
        {
            await world.Simulator.SetDelayAsync(TimeSpan.Zero, CancellationToken.None);
        }

        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.True(job.CancelRequested);
        Assert.Equal(JobStatus.Completed, job.Tasks.Single(t => t.Name == JobTaskName.Connect).Status);
        Assert.Equal(JobStatus.Cancelled, job.Tasks.Single(t => t.Name == JobTaskName.Inventory).Status);
        Assert.All(job.Tasks, t => Assert.True(t.Status.IsFinished()));
        Assert.Null(job.Result);
        Assert.Equal(before, await JobWorld.InventoryAsync(store));
        Assert.Equal(tokensBefore, await world.Simulator.GetOpenTokenCountAsync(Ct));
        Assert.Equal(SyncStatus.Cancelled, (await store.FindVCenterAsync(vcenter.Id, Ct))!.LastSyncStatus);

        // The acknowledgement was a real change: a sync that is not cancelled writes it.
        await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = world.Simulator.Password }, null, Ct);
        Assert.NotEqual(before, await JobWorld.InventoryAsync(store));
    }

    [Fact]
    public async Task Cancelling_a_pending_job_cancels_it_before_any_worker_runs_it()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var vcenter = await world.RegisterAsync(store, "pending");
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();

        Assert.Equal(CancelOutcome.Cancelled, await jobs.RequestCancelAsync(job.Id, Ct));
        Assert.Null(await jobs.ClaimAsync("worker-x", TimeSpan.FromMinutes(1), Ct));
        job = (await jobs.FindAsync(job.Id, Ct))!;
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.All(job.Tasks, t => Assert.Equal(JobStatus.Cancelled, t.Status));
        Assert.Equal(CancelOutcome.AlreadyFinished, await jobs.RequestCancelAsync(job.Id, Ct));
        Assert.Equal(CancelOutcome.NotFound, await jobs.RequestCancelAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Failed_sync_marks_the_job_failed_with_the_error_and_leaves_the_inventory_unchanged()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var vcenter = await world.RegisterAsync(store, "fault");
        await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(
            new SyncTarget { VCenter = vcenter, Password = world.Simulator.Password }, null, Ct);
        var host = (string)(await store.ListRowsAsync("vcenter_hosts", vcenter.Id, Ct))[0]["moref"]!;
        await world.Simulator.SetHostSerialAsync(host, "CHG" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), null, Ct);
        var before = await JobWorld.InventoryAsync(store);
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();

        await world.Simulator.InjectFaultAsync(FaultInjection.SoapFault("ContinueRetrievePropertiesEx", "SystemError"), Ct);
        try
        {
            await using (world.StartWorker(store, JobWorld.FastWorker("worker-f") with { MaxObjectsPerPage = 10 }))
            {
                job = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status.IsFinished(), "finished");
            }
        }
        finally
        {
            await world.Simulator.ClearFaultsAsync(CancellationToken.None);
        }

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("SystemError", job.Error, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Failed, job.Tasks.Single(t => t.Name == JobTaskName.Inventory).Status);
        Assert.Null(job.Result);
        Assert.Equal(before, await JobWorld.InventoryAsync(store));
        Assert.Equal(SyncStatus.Failed, (await store.FindVCenterAsync(vcenter.Id, Ct))!.LastSyncStatus);
    }

    [Fact]
    public async Task Wrong_stored_password_fails_the_job_in_the_connect_phase()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var vcenter = await world.RegisterAsync(store, "badlogin", password: "not-the-password");
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();

        await using (world.StartWorker(store, JobWorld.FastWorker("worker-l")))
        {
            job = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status.IsFinished(), "finished");
        }

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("login", job.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-the-password", job.Error, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Failed, job.Tasks.Single(t => t.Name == JobTaskName.Connect).Status);
        Assert.All(job.Tasks.Where(t => t.Name != JobTaskName.Connect), t => Assert.Equal(JobStatus.Cancelled, t.Status));
        Assert.Empty(await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct));
    }

    [Fact]
    public async Task Job_of_a_killed_worker_process_is_taken_over_and_finished_by_another_worker()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var connectionString = await ConnectionStringOfAsync(store);
        var vcenter = await world.RegisterAsync(store, "takeover");
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();

        await world.Simulator.SetDelayAsync(TimeSpan.FromMilliseconds(150), Ct);
        try
        {
            await using (var doomed = WorkerProcess.Start(
                ["--db", connectionString, "--worker-id", "doomed", "--heartbeat", "200ms", "--stale-after", "3s", "--poll", "100ms", "--page-size", "5"],
                new Dictionary<string, string> { ["VCSYNC_SECRET_KEY"] = world.SecretKeyBase64 }))
            {
                await JobWorld.WaitForJobAsync(
                    jobs, job.Id, j => j.WorkerId == "doomed" && j.Tasks.Any(t => t.Name == JobTaskName.Inventory && t.Message?.StartsWith("Fetched", StringComparison.Ordinal) == true), "fetching in the worker process");
                doomed.KillHard();
                Assert.True(await doomed.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            }

            Assert.Equal(JobStatus.Running, (await jobs.FindAsync(job.Id, Ct))!.Status);
            await using (world.StartWorker(store, JobWorld.FastWorker("survivor")))
            {
                job = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status.IsFinished(), "finished");
            }
        }
        finally
        {
            await world.Simulator.SetDelayAsync(TimeSpan.Zero, CancellationToken.None);
        }

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("survivor", job.WorkerId);
        Assert.All(job.Tasks, t => Assert.Equal(JobStatus.Completed, t.Status));
        Assert.Equal(1, (await JobWorld.ActivitiesByJobAsync(store, "property_collector_fetch")).GetValueOrDefault(job.Id));
        Assert.Equal(world.Simulator.Counts.Vms, (await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).Count);
    }

    [Fact]
    public async Task Sigterm_hands_the_running_job_back_and_the_worker_exits_cleanly()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var connectionString = await ConnectionStringOfAsync(store);
        var vcenter = await world.RegisterAsync(store, "sigterm");
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();

        await world.Simulator.SetDelayAsync(TimeSpan.FromMilliseconds(150), Ct);
        try
        {
            await using var worker = WorkerProcess.Start(
                ["--db", connectionString, "--worker-id", "stopping", "--heartbeat", "200ms", "--stale-after", "3s", "--poll", "100ms",
                 "--page-size", "5", "--shutdown-grace", "100ms"],
                new Dictionary<string, string> { ["VCSYNC_SECRET_KEY"] = world.SecretKeyBase64 });
            await JobWorld.WaitForJobAsync(
                jobs, job.Id, j => j.WorkerId == "stopping" && j.Tasks.Any(t => t.Name == JobTaskName.Inventory && t.Message?.StartsWith("Fetched", StringComparison.Ordinal) == true), "fetching in the worker process");
            worker.Terminate();
            Assert.True(await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the worker did not stop on SIGTERM");
            Assert.True(worker.ExitCode == 0, worker.StandardError);
        }
        finally
        {
            await world.Simulator.SetDelayAsync(TimeSpan.Zero, CancellationToken.None);
        }

        job = (await jobs.FindAsync(job.Id, Ct))!;
        Assert.Equal(JobStatus.Pending, job.Status);
        Assert.Null(job.WorkerId);
        Assert.All(job.Tasks, t => Assert.Equal(JobStatus.Pending, t.Status));
        Assert.Empty(await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct));
    }

    [Fact]
    public async Task Scheduled_enqueue_skips_vcenters_that_already_have_a_pending_or_running_job()
    {
        await using var store = await NewStoreAsync();
        var jobs = store.Jobs();
        var busy = await world.RegisterAsync(store, "busy");
        var idle = await world.RegisterAsync(store, "idle");
        var off = await world.RegisterAsync(store, "off");
        await store.UpdateVCenterAsync(off with { Enabled = false }, Ct);
        await jobs.EnqueueSyncAsync(busy.Id, SyncJobTasks.Definitions, false, Ct);

        var scheduled = await jobs.EnqueueSyncAsync(null, SyncJobTasks.Definitions, skipIfActive: true, Ct);
        Assert.Equal([idle.Id], scheduled.Select(j => j.TargetVCenterId!.Value));
        Assert.Empty(await jobs.EnqueueSyncAsync(null, SyncJobTasks.Definitions, skipIfActive: true, Ct));

        var everything = await jobs.EnqueueSyncAsync(null, SyncJobTasks.Definitions, skipIfActive: false, Ct);
        Assert.Equal(new[] { busy.Id, idle.Id }.Order(), everything.Select(j => j.TargetVCenterId!.Value).Order());
    }

    private async Task<string> ConnectionStringOfAsync(IInventoryStore store)
    {
        await using var connection = await ((VcSync.Storage.Postgres.PostgresInventoryStore)store).OpenAsync(Ct);
        return server.ConnectionString(connection.Database);
    }
}
