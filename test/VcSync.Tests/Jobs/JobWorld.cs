using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Simulator;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.Jobs;
using VcSync.Sync.Secrets;
using VcSync.Tests.Storage;

namespace VcSync.Tests.Jobs;

/// <summary>
/// One small simulated vCenter for the job tests, and what they share: a password key (never the environment's),
/// vCenter registrations pointing at the simulator (several names, one server: URLs differ by a query string the
/// client drops), in-process workers and waiting for the queue.
/// </summary>
public sealed class JobWorld : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public SimulatorProcess Simulator { get; private set; } = null!;

    /// <summary>The key the tests encrypt passwords under, base64, as <c>VCSYNC_SECRET_KEY</c> takes it.</summary>
    public string SecretKeyBase64 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretKey.Size));

    public PasswordProtector Protector => new(Convert.FromBase64String(SecretKeyBase64));

    public async ValueTask InitializeAsync() =>
        Simulator = await SimulatorProcess.StartAsync(new SimulatorOptions { Size = "small" }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Simulator.DisposeAsync();

    /// <summary>Registers a vCenter named <paramref name="name"/> on the simulator with its password stored encrypted.</summary>
    public async Task<VCenterRow> RegisterAsync(IInventoryStore store, string name, string? password = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration
            {
                Name = name,
                Url = $"{Simulator.SdkUrl}?vcenter={Uri.EscapeDataString(name)}",
                Username = Simulator.Username,
                TlsThumbprint = Simulator.Thumbprint,
            },
            ct);
        await store.Passwords().SetEncryptedPasswordAsync(vcenter.Id, Protector.Protect(vcenter.Id, password ?? Simulator.Password), ct);
        return vcenter;
    }

    public static WorkerOptions FastWorker(string workerId) => new()
    {
        WorkerId = workerId,
        PollInterval = TimeSpan.FromMilliseconds(100),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        StaleAfter = TimeSpan.FromSeconds(3),
        ShutdownGrace = TimeSpan.Zero,
        UsePropertyCollector = true,
    };

    /// <summary>Enqueues a sync of <paramref name="vcenter"/>, claims and runs it with a runner of these options; the job after it completed.</summary>
    public async Task<JobRow> RunJobAsync(IInventoryStore store, VCenterRow vcenter, WorkerOptions options)
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = store.Jobs();
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, ct)).Single();
        var runner = new JobRunner(store, jobs, new VCenterPasswords(store.Passwords(), Protector), options, NullLoggerFactory.Instance);
        var claim = await jobs.ClaimAsync(options.WorkerId, options.StaleAfter, ct);
        Assert.Equal(job.Id, claim!.Job.Id);
        Assert.Equal(JobStatus.Completed, await runner.RunAsync(claim, ct));
        return (await jobs.FindAsync(job.Id, ct))!;
    }

    /// <summary>A worker loop in this process, started; dispose to stop it.</summary>
    public InProcessWorker StartWorker(IInventoryStore store, WorkerOptions options)
    {
        var loggerFactory = NullLoggerFactory.Instance;
        var jobs = store.Jobs();
        var runner = new JobRunner(store, jobs, new VCenterPasswords(store.Passwords(), Protector), options, loggerFactory);
        var service = new SyncWorkerService(jobs, runner, options, loggerFactory.CreateLogger<SyncWorkerService>());
        return new InProcessWorker(service);
    }

    /// <summary>Waits until <paramref name="condition"/> holds of the job; fails the test after <see cref="Patience"/>.</summary>
    public static async Task<JobRow> WaitForJobAsync(IJobStore jobs, Guid id, Func<JobRow, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var job = await jobs.FindAsync(id, TestContext.Current.CancellationToken);
            if (job is not null && condition(job))
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, $"job {id} never got {what}; last seen {job?.Status} {string.Join(", ", job?.Tasks.Select(t => $"{t.Name}={t.Status}/{t.Progress}") ?? [])}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The inventory tables (not vcenters, jobs or the activity log) as text.</summary>
    public static async Task<string> InventoryAsync(IInventoryStore store)
    {
        var lines = new List<string>();
        foreach (var table in new[] { "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_datastore_hosts", "vcenter_networks", "vcenter_alarms", "servers" })
        {
            lines.Add("# " + table);
            lines.AddRange(await StoreDump.TableAsync(store, table, null));
        }

        return string.Join('\n', lines);
    }

    /// <summary>Activity rows of one operation, by job.</summary>
    public static async Task<Dictionary<Guid, int>> ActivitiesByJobAsync(IInventoryStore store, string operation)
    {
        var rows = await store.ListRowsAsync("idrac_commands", null, TestContext.Current.CancellationToken);
        return rows.Where(r => (string?)r["operation"] == operation && r["job_id"] is Guid)
            .GroupBy(r => (Guid)r["job_id"]!)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
