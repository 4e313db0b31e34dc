using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Jobs;
using VcSync.Sync.Secrets;
using VcSync.Tests.Storage;
using VcSync.Tests.Support;

namespace VcSync.Tests.Jobs;

/// <summary>
/// The SQLite single-worker path as a user drives it: <c>vcenters add|set|remove</c>, <c>jobs enqueue|show</c> and
/// <c>vcsync worker</c>, each a process of its own, against one small simulator.
/// </summary>
public sealed class VCenterAdminCliTests(JobWorld world) : IClassFixture<JobWorld>, IDisposable
{
    private static readonly string[] InventoryTables =
        ["vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_networks", "vcenter_alarms"];

    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-admin-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> KeyEnvironment => new() { [SecretKey.KeyVariable] = world.SecretKeyBase64 };

    public void Dispose()
    {
        SqliteConnectionPools.Clear();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Added_vcenter_is_synced_by_a_worker_process_and_jobs_show_reports_completed_tasks_and_the_result()
    {
        var database = Path.Combine(_directory, "e2e.db");
        var added = await AddAsync(database, "sim");
        Assert.Equal("sim", (string?)added["name"]);
        Assert.True((bool)added["enabled"]!);

        var enqueued = JsonNode.Parse((await CliAsync("jobs", "enqueue", "sync", "--vcenter", "sim", "--db", database, "--json")).StandardOutput)!.AsArray();
        var jobId = Assert.Single(enqueued)!["id"]!.GetValue<Guid>();
        Assert.Equal(JobStatusText.Pending, (string?)enqueued[0]!["status"]);

        await using (var worker = WorkerProcess.Start(
            ["--db", database, "--worker-id", "e2e", "--poll", "200ms", "--heartbeat", "1s", "--stale-after", "10s"], KeyEnvironment))
        {
            await using var store = await InventoryStoreFactory.OpenAsync(database, null, Ct);
            await JobWorld.WaitForJobAsync(store.Jobs(), jobId, j => j.Status.IsFinished(), "finished");
            worker.Terminate();
            Assert.True(await worker.WaitForExitAsync(JobWorld.Patience), "the worker did not exit on SIGTERM");
            Assert.True(worker.ExitCode == 0, worker.StandardError);
        }

        var shown = JsonNode.Parse((await CliAsync("jobs", "show", jobId.ToString(), "--db", database, "--json")).StandardOutput)!;
        Assert.Equal((JobStatusText.Completed, "sim", "e2e", 100), ((string?)shown["status"], (string?)shown["vcenter"], (string?)shown["worker_id"], (int)shown["progress"]!));
        Assert.Null((string?)shown["error"]);
        var tasks = shown["tasks"]!.AsArray().Select(t => ((string?)t!["name"], (string?)t["status"], (int)t["progress"]!)).ToList();
        Assert.Equal([("connect", JobStatusText.Completed, 100), ("inventory", JobStatusText.Completed, 100), ("alarms", JobStatusText.Completed, 100)], tasks);
        var result = shown["result"]!.AsObject();
        Assert.Equal(world.Simulator.Counts.Vms, (int)result["vms"]!["new"]!);
        Assert.Equal(world.Simulator.Counts.Hosts, (int)result["hosts"]!["new"]!);
        Assert.True((int)result["total_objects"]! > world.Simulator.Counts.Vms, result.ToJsonString());
    }

    [Fact]
    public async Task Vcenters_set_renames_moves_disables_enables_and_changes_or_clears_the_stored_password()
    {
        var database = Path.Combine(_directory, "set.db");
        var id = (await AddAsync(database, "sim"))["id"]!.GetValue<Guid>();

        var renamed = await SetAsync(database, "sim", "--rename", "sim-renamed");
        Assert.Equal((id, "sim-renamed"), (renamed["id"]!.GetValue<Guid>(), (string?)renamed["name"]));
        var gone = await CliProcess.RunAsync(["vcenters", "set", "sim", "--disable", "--db", database, "--json"]);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Equal("", gone.StandardOutput);
        Assert.Contains("sim", Assert.Single(gone.ErrorLines), StringComparison.Ordinal);

        var moved = await SetAsync(database, "sim-renamed", "--url", "https://vc-moved.example.com");
        Assert.Equal("https://vc-moved.example.com/", (string?)moved["url"]);
        Assert.Equal(world.Simulator.Thumbprint, (string?)moved["tls_thumbprint"]);

        Assert.False((bool)(await SetAsync(database, "sim-renamed", "--disable"))["enabled"]!);
        Assert.Empty(JsonNode.Parse((await CliAsync("jobs", "enqueue", "sync", "--db", database, "--json")).StandardOutput)!.AsArray());
        Assert.True((bool)(await SetAsync(database, "sim-renamed", "--enable"))["enabled"]!);
        Assert.Single(JsonNode.Parse((await CliAsync("jobs", "enqueue", "sync", "--db", database, "--json")).StandardOutput)!.AsArray());

        var both = await CliProcess.RunAsync(["vcenters", "set", "sim-renamed", "--enable", "--disable", "--db", database]);
        Assert.NotEqual(0, both.ExitCode);
        Assert.Single(both.ErrorLines);

        var changed = await CliProcess.RunAsync(
            ["vcenters", "set", "sim-renamed", "--password-stdin", "--db", database, "--json"], KeyEnvironment, "n3w-Secret\n");
        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.DoesNotContain("n3w-Secret", changed.StandardOutput + changed.StandardError, StringComparison.Ordinal);
        Assert.Equal("n3w-Secret", world.Protector.Unprotect(id, (await StoredPasswordAsync(database, id))!));

        await SetAsync(database, "sim-renamed", "--clear-password");
        Assert.Null(await StoredPasswordAsync(database, id));
    }

    [Fact]
    public async Task Vcenters_remove_deletes_its_inventory_and_jobs_and_keeps_the_other_vcenters_rows()
    {
        var database = Path.Combine(_directory, "remove.db");
        Guid keptJob, removedJob;
        VCenterRow kept, removed;
        string keptRowsBefore;
        await using (var store = await InventoryStoreFactory.OpenAsync(database, null, Ct))
        {
            kept = await world.RegisterAsync(store, "kept");
            removed = await world.RegisterAsync(store, "removed");
            var jobs = await store.Jobs().EnqueueSyncAsync(null, SyncJobTasks.Definitions, false, Ct);
            await using (world.StartWorker(store, JobWorld.FastWorker("remove-worker")))
            {
                foreach (var job in jobs)
                {
                    await JobWorld.WaitForJobAsync(store.Jobs(), job.Id, j => j.Status == JobStatus.Completed, "completed");
                }
            }

            keptJob = jobs.Single(j => j.TargetVCenterId == kept.Id).Id;
            removedJob = jobs.Single(j => j.TargetVCenterId == removed.Id).Id;
            Assert.Equal(world.Simulator.Counts.Vms, (await store.ListRowsAsync("vcenter_vms", removed.Id, Ct)).Count);
            keptRowsBefore = await RowsOfAsync(store, kept.Id);
        }

        var run = await CliAsync("vcenters", "remove", "removed", "--db", database, "--json");
        Assert.Equal(removed.Id, JsonNode.Parse(run.StandardOutput)!["id"]!.GetValue<Guid>());

        await using var after = await InventoryStoreFactory.OpenAsync(database, null, Ct);
        Assert.Null(await after.FindVCenterByNameAsync("removed", Ct));
        Assert.Equal("", await RowsOfAsync(after, removed.Id));
        Assert.Null(await after.Jobs().FindAsync(removedJob, Ct));
        Assert.Equal(keptRowsBefore, await RowsOfAsync(after, kept.Id));
        Assert.Equal(JobStatus.Completed, (await after.Jobs().FindAsync(keptJob, Ct))!.Status);
        Assert.Equal(world.Simulator.Counts.Vms, (await after.ListRowsAsync("vcenter_vms", null, Ct)).Count);
    }

    [Fact]
    public async Task Untargeted_job_is_split_by_the_worker_into_one_job_per_enabled_vcenter()
    {
        var database = Path.Combine(_directory, "split.db");
        await using var store = await InventoryStoreFactory.OpenAsync(database, null, Ct);
        var first = await world.RegisterAsync(store, "first");
        var second = await world.RegisterAsync(store, "second");
        var disabled = await world.RegisterAsync(store, "disabled");
        await store.UpdateVCenterAsync(disabled with { Enabled = false }, Ct);

        // The store enqueues per vCenter; a NULL target is what another tool (or the original system) writes.
        var untargeted = (await store.Jobs().EnqueueSyncAsync(first.Id, SyncJobTasks.Definitions, false, Ct)).Single();
        await ExecuteAsync(database, "UPDATE jobs SET target_vcenter_id = NULL WHERE target_vcenter_id IS NOT NULL");
        Assert.Null((await store.Jobs().FindAsync(untargeted.Id, Ct))!.TargetVCenterId);

        await using (world.StartWorker(store, JobWorld.FastWorker("split-worker")))
        {
            await JobWorld.WaitForJobAsync(store.Jobs(), untargeted.Id, j => j.Status.IsFinished(), "split");
            var split = (await store.Jobs().ListAsync(50, Ct)).Where(j => j.Id != untargeted.Id).ToList();
            Assert.Equal(new[] { first.Id, second.Id }.Order(), split.Select(j => j.TargetVCenterId!.Value).Order());
            foreach (var job in split)
            {
                var done = await JobWorld.WaitForJobAsync(store.Jobs(), job.Id, j => j.Status.IsFinished(), "finished");
                Assert.True(done.Status == JobStatus.Completed, done.Error);
                Assert.Equal([JobTaskName.Connect, JobTaskName.Inventory, JobTaskName.Alarms], done.Tasks.Select(t => t.Name));
                Assert.All(done.Tasks, t => Assert.Equal((JobStatus.Completed, 100), (t.Status, t.Progress)));
            }
        }

        var original = (await store.Jobs().FindAsync(untargeted.Id, Ct))!;
        Assert.Equal(JobStatus.Completed, original.Status);
        Assert.Null(original.Error);
        Assert.Null(original.Result);
        Assert.Empty(await store.ListRowsAsync("vcenter_vms", disabled.Id, Ct));
        Assert.Equal(world.Simulator.Counts.Vms, (await store.ListRowsAsync("vcenter_vms", second.Id, Ct)).Count);
    }

    private async Task<JsonObject> AddAsync(string database, string name)
    {
        var run = await CliProcess.RunAsync(
            ["vcenters", "add", name, "--url", world.Simulator.SdkUrl.ToString(), "--username", world.Simulator.Username,
             "--thumbprint", world.Simulator.Thumbprint, "--password-stdin", "--db", database, "--json"],
            KeyEnvironment,
            world.Simulator.Password + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(world.Simulator.Password, run.StandardOutput, StringComparison.Ordinal);
        return JsonNode.Parse(run.StandardOutput)!.AsObject();
    }

    private static async Task<JsonObject> SetAsync(string database, string name, params string[] changes)
    {
        var run = await CliAsync(["vcenters", "set", name, .. changes, "--db", database, "--json"]);
        return JsonNode.Parse(run.StandardOutput)!.AsObject();
    }

    private static async Task<CliProcess.Run> CliAsync(params string[] arguments)
    {
        var run = await CliProcess.RunAsync(arguments);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static async Task<string?> StoredPasswordAsync(string database, Guid id)
    {
        await using var store = await InventoryStoreFactory.OpenAsync(database, null, Ct);
        return await store.Passwords().GetEncryptedPasswordAsync(id, Ct);
    }

    private static async Task<string> RowsOfAsync(IInventoryStore store, Guid vcenterId)
    {
        var lines = new List<string>();
        foreach (var table in InventoryTables)
        {
            lines.AddRange((await StoreDump.TableAsync(store, table, vcenterId)).Select(row => $"{table} {row}"));
        }

        return string.Join('\n', lines);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
