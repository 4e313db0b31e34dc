using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage;
using VcSync.Storage.Jobs;
using VcSync.Sync.FullSync;
using VcSync.Sync.Jobs;
using VcSync.Sync.Reliability;
using VcSync.Sync.Secrets;
using VcSync.Tests.Jobs;

namespace VcSync.Tests.Faults;

/// <summary>The same faults through the worker: the job ends <c>failed</c> with the sync's one-line error, nothing half written.</summary>
[Collection(FaultsCollection.Name)]
public sealed class JobFailureTests(FaultsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_whose_retries_run_out_is_failed_with_the_error_and_the_inventory_is_as_it_was()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync();
        await using var _ = store;
        var protector = new PasswordProtector(RandomNumberGenerator.GetBytes(SecretKey.Size));
        await store.Passwords().SetEncryptedPasswordAsync(vcenter.Id, protector.Protect(vcenter.Id, fixture.Simulator.Password), Ct);
        await new FullInventorySync(store, NullLoggerFactory.Instance).RunAsync(fixture.Target(vcenter), null, Ct).WaitAsync(NetworkFaultTests.Guard, Ct);
        var before = await DatabaseState.CaptureAsync(store);

        fixture.Proxy.Inject(ProxyFault.Cut("ContinueRetrievePropertiesEx", NetworkFaultTests.Point("half"), skip: 0, count: 100));
        var options = JobWorld.FastWorker("faults-worker") with
        {
            MaxObjectsPerPage = FaultsFixture.PageSize,
            CallTimeout = TimeSpan.FromSeconds(20),
            Retry = new SyncRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
        };
        var jobs = store.Jobs();
        var runner = new JobRunner(store, jobs, new VCenterPasswords(store.Passwords(), protector), options, NullLoggerFactory.Instance);
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();
        JobRow failed;
        await using (new InProcessWorker(new SyncWorkerService(jobs, runner, options, NullLogger<SyncWorkerService>.Instance)))
        {
            failed = await JobWorld.WaitForJobAsync(jobs, job.Id, j => j.Status is JobStatus.Failed or JobStatus.Completed, "an end");
        }

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.NotNull(failed.Error);
        Assert.DoesNotContain('\n', failed.Error);
        Assert.StartsWith("Sync of vc-faults failed: The connection to 127.0.0.1:", failed.Error, StringComparison.Ordinal);
        Assert.EndsWith("(after 3 attempts)", failed.Error, StringComparison.Ordinal);
        Assert.Equal(3, fixture.Proxy.Spoiled);
        await before.AssertUnchangedButTheFailureRecordAsync(store, "jobs", "job_tasks");
        Assert.Equal(SyncStatus.Failed, Assert.Single(await store.ListVCentersAsync(Ct)).LastSyncStatus);
    }
}
