using System.Reflection;
using Npgsql;
using VcSync.Storage;
using VcSync.Storage.Postgres;
using VcSync.Sync.Jobs;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Storage;

/// <summary>Every PostgreSQL advisory lock key is distinct, so unrelated work never waits on another's lock.</summary>
public sealed class AdvisoryLockKeyTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_advisory_lock_key_is_distinct()
    {
        var keys = typeof(AdvisoryLockKeys)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(long))
            .ToDictionary(f => f.Name, f => (long)f.GetRawConstantValue()!);

        Assert.Equal(["JobQueue", "Linking", "Migration"], keys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(keys.Count, keys.Values.Distinct().Count());
    }

    [Fact]
    public async Task A_job_claim_does_not_wait_for_a_linking_pass_holding_its_lock()
    {
        await using var store = (PostgresInventoryStore)await InventoryStoreFactory.OpenAsync(
            await server.CreateDatabaseAsync("locks"), null, Ct);
        var vcenter = await store.AddVCenterAsync(
            new VCenterRegistration { Name = "vc", Url = "https://127.0.0.1:9/sdk", Username = "u" }, Ct);
        var jobs = store.Jobs();
        var job = (await jobs.EnqueueSyncAsync(vcenter.Id, SyncJobTasks.Definitions, false, Ct)).Single();

        // A linking pass in progress: its transaction holds the linking lock until it ends.
        await using var linking = await store.OpenAsync(Ct);
        await using var transaction = await linking.BeginTransactionAsync(Ct);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", linking, transaction))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKeys.Linking);
            await command.ExecuteNonQueryAsync(Ct);
        }

        // With a shared key the claim would wait for that transaction; give it far more than it needs.
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        var claim = await jobs.ClaimAsync("worker", TimeSpan.FromMinutes(1), guard.Token);

        Assert.NotNull(claim);
        Assert.Equal(job.Id, claim.Job.Id);
        await transaction.RollbackAsync(Ct);
    }
}
