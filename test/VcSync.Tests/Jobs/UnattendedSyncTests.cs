using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;
using VcSync.Sync.Jobs;
using VcSync.Sync.Secrets;
using VcSync.Tests.Storage;
using VcSync.Tests.Support;

namespace VcSync.Tests.Jobs;

/// <summary>Stored passwords, the rollback switch and the SQLite queue, against the simulator.</summary>
public sealed class UnattendedSyncTests(JobWorld world) : IClassFixture<JobWorld>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vcsync-jobs-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Vcenters_add_stores_the_password_encrypted_and_a_sqlite_worker_syncs_with_it()
    {
        var database = Path.Combine(_directory, "secret.db");
        var config = Path.Combine(_directory, "config");
        var password = world.Simulator.Password;
        var (exit, stderr) = await RunCliAsync(
            ["vcenters", "add", "sim", "--url", world.Simulator.SdkUrl.ToString(), "--username", world.Simulator.Username,
             "--thumbprint", world.Simulator.Thumbprint, "--password-stdin", "--db", database],
            password + "\n",
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config, ["VCSYNC_SECRET_KEY"] = "", ["VCSYNC_SECRET_KEY_FILE"] = "" });
        Assert.True(exit == 0, stderr);
        var keyFile = Path.Combine(config, "vcsync", "secret.key");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await using var store = await InventoryStoreFactory.OpenAsync(database, null, Ct);
        var vcenter = (await store.FindVCenterByNameAsync("sim", Ct))!;
        var stored = await store.Passwords().GetEncryptedPasswordAsync(vcenter.Id, Ct);
        Assert.NotNull(stored);
        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
        var protector = new PasswordProtector(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
        Assert.Equal(password, protector.Unprotect(vcenter.Id, stored));
        Assert.Throws<AuthenticationTagMismatchException>(() => protector.Unprotect(Guid.NewGuid(), stored));

        var jobs = store.Jobs();
        var job = (await jobs.EnqueueSyncAsync(null, SyncJobTasks.Definitions, false, Ct)).Single();
        var options = JobWorld.FastWorker("sqlite-worker");
        var runner = new JobRunner(store, jobs, new VCenterPasswords(store.Passwords(), protector), options, NullLoggerFactory.Instance);
        var claim = await jobs.ClaimAsync(options.WorkerId, options.StaleAfter, Ct);
        Assert.Equal(job.Id, claim!.Job.Id);
        Assert.Equal(JobStatus.Completed, await runner.RunAsync(claim, Ct));
        Assert.Equal(world.Simulator.Counts.Vms, (await store.ListRowsAsync("vcenter_vms", vcenter.Id, Ct)).Count);

        // The plain text is nowhere in the database files, WAL included.
        SqliteConnectionPools.Clear();
        foreach (var file in Directory.GetFiles(_directory, "secret.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)));
        }
    }

    [Fact]
    public async Task Missing_password_fails_the_job_with_a_message_naming_the_variable()
    {
        await using var store = await InventoryStoreFactory.OpenAsync(Path.Combine(_directory, "nopw.db"), null, Ct);
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration { Name = "no-pw.example", Url = "https://no-pw.example/sdk", Username = "u" }, Ct);
        var jobs = store.Jobs();
        await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct);
        var options = JobWorld.FastWorker("w");
        var runner = new JobRunner(store, jobs, new VCenterPasswords(store.Passwords(), world.Protector), options, NullLoggerFactory.Instance);

        var claim = (await jobs.ClaimAsync("w", options.StaleAfter, Ct))!;
        Assert.Equal(JobStatus.Failed, await runner.RunAsync(claim, Ct));
        var job = (await jobs.FindAsync(claim.Job.Id, Ct))!;
        Assert.Contains("VCSYNC_PASSWORD_NO_PW_EXAMPLE", job.Error, StringComparison.Ordinal);
        Assert.Equal(JobStatus.Failed, job.Tasks.Single(t => t.Name == JobTaskName.Connect).Status);
    }

    [Fact]
    public async Task Legacy_phased_sync_writes_the_same_rows_as_the_property_collector_sync()
    {
        var results = new List<(string Rows, int SoapCalls)>();
        foreach (var usePropertyCollector in new[] { true, false })
        {
            await using var store = await InventoryStoreFactory.OpenAsync(Path.Combine(_directory, $"pc-{usePropertyCollector}.db"), null, Ct);
            var vcenter = await store.AddVCenterAsync(
                new VCenterRegistration
                {
                    Name = "sim", Url = world.Simulator.SdkUrl.ToString(), Username = world.Simulator.Username, TlsThumbprint = world.Simulator.Thumbprint,
                },
                Ct);
            var sync = new FullInventorySync(store, NullLoggerFactory.Instance) { UsePropertyCollector = usePropertyCollector };
            var result = await sync.RunAsync(new SyncTarget { VCenter = vcenter, Password = world.Simulator.Password }, null, Ct);

            // Surrogate keys, the vCenter's id and sync times differ between two databases by design.
            var rows = new StringBuilder();
            foreach (var table in new[] { "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_datastore_hosts", "vcenter_networks", "vcenter_alarms" })
            {
                rows.AppendLine("# " + table);
                foreach (var row in await StoreDump.TableAsync(store, table, null, "id", "source_vcenter_id", "first_seen_at", "last_sync_at"))
                {
                    rows.AppendLine(row);
                }
            }

            results.Add((rows.ToString(), result.SoapCalls));
        }

        Assert.Equal(results[0].Rows, results[1].Rows);
        Assert.Contains("# vcenter_vms\n", results[0].Rows, StringComparison.Ordinal);
        Assert.True(results[0].Rows.Split('\n').Length > world.Simulator.Counts.Vms);
        // The legacy path really ran: a view and a retrieval per type instead of one of each.
        Assert.True(results[1].SoapCalls > results[0].SoapCalls + 6, $"{results[1].SoapCalls} vs {results[0].SoapCalls}");
    }

    private static async Task<(int Exit, string Stderr)> RunCliAsync(
        IReadOnlyList<string> arguments, string stdin, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(CliExecutable.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        CliExecutable.AddLauncherArguments(start);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        await stdout;
        return (process.ExitCode, await stderr);
    }
}
