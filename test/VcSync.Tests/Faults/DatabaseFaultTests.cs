using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VcSync.Storage;
using VcSync.Sync.FullSync;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Faults;

/// <summary>The database fails under the sync's write: the transaction is rolled back, the sync fails with one line.</summary>
[Collection(FaultsCollection.Name)]
public sealed class DatabaseFaultTests(FaultsFixture fixture, PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_SQLite_file_locked_by_another_writer_fails_the_sync_after_the_busy_timeout_and_changes_nothing()
    {
        await fixture.ResetAsync();
        var (store, vcenter) = await fixture.NewStoreAsync(busyTimeout: TimeSpan.FromSeconds(1));
        await using var _ = store;
        await Sync(store, vcenter);
        await ChangeAHostAsync(store, "CHANGED1");
        var before = await DatabaseState.CaptureAsync(store);

        // Another process's writer: an exclusive transaction held open on its own connection.
        await using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.Path, Pooling = false }.ToString()))
        {
            await holder.OpenAsync(Ct);
            await using (var begin = new SqliteCommand("BEGIN EXCLUSIVE", holder))
            {
                await begin.ExecuteNonQueryAsync(Ct);
            }

            var error = await Assert.ThrowsAsync<SyncFailedException>(() => Sync(store, vcenter));

            Assert.Contains("database is locked", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
            Assert.DoesNotContain("attempts", error.Message, StringComparison.Ordinal);
            await using var rollback = new SqliteCommand("ROLLBACK", holder);
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        // Not even the failure could be recorded while the file was locked: every row is as it was.
        await before.AssertIdenticalAsync(store);
        await fixture.Simulator.RestartAsync(Ct);
    }

    [Fact]
    public async Task A_PostgreSQL_connection_killed_in_the_middle_of_the_write_rolls_it_back()
    {
        await fixture.ResetAsync();
        var connectionString = await postgres.CreateDatabaseAsync("faults");
        await using var store = InventoryStoreFactory.Open(connectionString, NullLoggerFactory.Instance);
        await store.MigrateAsync(Ct);
        var vcenter = await fixture.RegisterAsync(store);
        await Sync(store, vcenter);
        await ChangeAHostAsync(store, "CHANGED2");
        var before = await DatabaseState.CaptureAsync(store);

        // Hold the VM table so the write stops half way (clusters and hosts written, VMs waiting), then kill its backend.
        await using var locker = new NpgsqlConnection(connectionString);
        await locker.OpenAsync(Ct);
        await using var transaction = await locker.BeginTransactionAsync(Ct);
        await using (var lockVms = new NpgsqlCommand("LOCK TABLE vcenter_vms IN ACCESS EXCLUSIVE MODE", locker, transaction))
        {
            await lockVms.ExecuteNonQueryAsync(Ct);
        }

        var sync = Sync(store, vcenter);
        var writer = await WaitForBlockedBackendAsync(locker, sync);
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", locker, transaction))
        {
            terminate.Parameters.AddWithValue("pid", writer);
            Assert.Equal(true, await terminate.ExecuteScalarAsync(Ct));
        }

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => sync);
        await transaction.RollbackAsync(Ct);

        Assert.DoesNotContain('\n', error.Message);
        Assert.IsAssignableFrom<NpgsqlException>(error.InnerException);
        await before.AssertUnchangedButTheFailureRecordAsync(store);
        var row = Assert.Single(await store.ListVCentersAsync(Ct));
        Assert.Equal(SyncStatus.Failed, row.LastSyncStatus);
        await fixture.Simulator.RestartAsync(Ct);
    }

    /// <summary>The pid of the backend waiting for the lock the locker holds, once the sync's write reaches it.</summary>
    private static async Task<int> WaitForBlockedBackendAsync(NpgsqlConnection locker, Task sync)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(NetworkFaultTests.Guard);
        while (true)
        {
            Assert.False(sync.IsCompleted, "The sync ended before its write was blocked.");
            await using var find = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
                locker);
            if (await find.ExecuteScalarAsync(guard.Token) is int pid)
            {
                return pid;
            }

            await Task.Delay(20, guard.Token);
        }
    }

    /// <summary>Changes a host on the server, so that the sync that fails had something to write.</summary>
    private async Task ChangeAHostAsync(IInventoryStore store, string serial)
    {
        var host = (await store.ListRowsAsync("vcenter_hosts", null, Ct))[0]["moref"] as string;
        await fixture.Simulator.SetHostSerialAsync(host!, serial, cancellationToken: Ct);
    }

    private Task Sync(IInventoryStore store, VCenterRow vcenter) =>
        new FullInventorySync(store, NullLoggerFactory.Instance)
            .RunAsync(fixture.Target(vcenter), null, Ct)
            .WaitAsync(NetworkFaultTests.Guard, Ct);
}
