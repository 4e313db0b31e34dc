using Microsoft.Data.Sqlite;
using Npgsql;
using VcSync.Storage;
using VcSync.Storage.Schema;
using VcSync.Sync.FullSync;
using VcSync.Sync.Progress;
using VcSync.Sync.Results;
using VcSync.Tests.Faults;
using VcSync.Tests.Fixtures;
using VcSync.Tests.Storage;
using VcSync.Tests.Support;
using VcSync.Vim.Values;

namespace VcSync.Tests.Sync;

/// <summary>
/// The full sync writes each page of VMs as it arrives, in the sync's one transaction: many small pages write exactly
/// what one big page writes, VMs gone from vCenter go with their child rows, and a sync that fails or is cancelled after
/// pages were written leaves every table as it was.
/// </summary>
[Collection(SimulatorCollection.Name)]
public sealed class StreamedWriteTests(SimulatorFixture fixture, PostgresServer postgres)
{
    private const int SmallPages = 3;
    private const int OnePage = 100_000;

    /// <summary>Surrogate keys and times differ between two databases by nature.</summary>
    private static readonly string[] PerDatabaseColumns = ["id", "source_vcenter_id", "first_seen_at", "last_sync_at", "changed_at"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Many_small_pages_write_the_same_rows_counts_and_history_as_one_page_and_a_destroyed_vm_goes_with_its_children(string store)
    {
        await using var simulator = await SimulatorFixture.StartDedicatedAsync();
        await using var paged = await OpenAsync(store, "streampaged");
        await using var whole = await OpenAsync(store, "streamwhole");
        var inPaged = await paged.RegisterAsync(simulator);
        var inWhole = await whole.RegisterAsync(simulator);
        var pages = new List<long>();
        var progress = new InlineProgress<SyncProgressUpdate>(u =>
        {
            if (u.ObjectsFetched > 0)
            {
                pages.Add(u.ObjectsFetched);
            }
        });

        var firstPaged = await paged.SyncAsync(inPaged, simulator, SmallPages, progress);
        var firstWhole = await whole.SyncAsync(inWhole, simulator, OnePage);
        AssertSameCounts(firstWhole, firstPaged);
        Assert.True(pages.Count > simulator.Counts.Vms / SmallPages, $"{pages.Count} pages");
        await AssertSameRowsAsync(whole, paged);

        // A destroyed VM with NICs and disks, a powered-off one and a renamed one.
        var reads = await SimulatorReads.ReadAsync(simulator);
        var alarmed = reads.TriggeredAlarms.Select(s => ((ManagedObjectReference)s["entity"]!).Value).ToHashSet();
        var nics = (await paged.Store.ListRowsAsync("vcenter_vm_nics", inPaged.Id, Ct)).Select(r => (string)r["vm_moref"]!).ToHashSet();
        var disks = (await paged.Store.ListRowsAsync("vcenter_vm_disks", inPaged.Id, Ct)).Select(r => (string)r["vm_moref"]!).ToHashSet();
        var vms = reads.Of("VirtualMachine").Where(v => !alarmed.Contains(v.Obj.Value)).ToList();
        var victim = vms.First(v => nics.Contains(v.Obj.Value) && disks.Contains(v.Obj.Value));
        var poweredOn = vms.Where(v => v != victim && ((DataObject)v["runtime"]!)["powerState"] as string == "poweredOn").ToList();
        await using (var client = await VimSession.LoginAsync(simulator))
        {
            if (((DataObject)victim["runtime"]!)["powerState"] as string == "poweredOn")
            {
                await VimSession.RunTaskAsync(client, "PowerOffVM_Task", victim.Obj);
            }

            await VimSession.RunTaskAsync(client, "Destroy_Task", victim.Obj);
            await VimSession.RunTaskAsync(client, "PowerOffVM_Task", poweredOn[0].Obj);
            await VimSession.RunTaskAsync(client, "Rename_Task", poweredOn[1].Obj, new KeyValuePair<string, object?>("newName", "renamed while streaming"));
        }

        var secondPaged = await paged.SyncAsync(inPaged, simulator, SmallPages);
        var secondWhole = await whole.SyncAsync(inWhole, simulator, OnePage);

        AssertSameCounts(secondWhole, secondPaged);
        Assert.Equal((0, 2, 1), (secondPaged.Vms.New, secondPaged.Vms.Updated, secondPaged.Vms.Deleted));
        await AssertSameRowsAsync(whole, paged);
        foreach (var table in new[] { "vcenter_vms", "vcenter_vm_nics", "vcenter_vm_disks", "vcenter_vm_partitions", "vcenter_vm_snapshots" })
        {
            var rows = await paged.Store.ListRowsAsync(table, inPaged.Id, Ct);
            Assert.NotEmpty(rows);
            Assert.DoesNotContain(rows, r => Equals(r[table == "vcenter_vms" ? "moref" : "vm_moref"], victim.Obj.Value));
        }

        var history = await paged.Store.ListRowsAsync("inventory_changes", inPaged.Id, Ct);
        Assert.Single(history, r => Equals(r["moref"], victim.Obj.Value) && Equals(r["change_kind"], "deleted"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_database_failure_after_vm_pages_were_written_rolls_every_table_back(string store)
    {
        var simulator = fixture.Simulator;
        await using var db = await OpenAsync(store, "streamfault");
        var vcenter = await db.RegisterAsync(simulator);
        await db.SyncAsync(vcenter, simulator, SmallPages);
        // Every VM row now differs from vCenter, so every page of the next sync updates rows; the update of the middle
        // VM fails: pages were written before it, and the VMs' retrieval is still running (the writer stops it).
        var failAt = simulator.Counts.Vms / 2;
        await ExecuteAsync(db, store, "UPDATE vcenter_vms SET power_state = 'tampered'");
        await ExecuteAsync(db, store, store == "sqlite"
            ? "CREATE TABLE fault_count (n INTEGER NOT NULL); INSERT INTO fault_count VALUES (0); " +
              "CREATE TRIGGER fault_after_updates AFTER UPDATE ON vcenter_vms BEGIN UPDATE fault_count SET n = n + 1; " +
              $"SELECT RAISE(ABORT, 'injected fault') WHERE (SELECT n FROM fault_count) >= {failAt}; END"
            : "CREATE SEQUENCE fault_count; " +
              "CREATE FUNCTION fault_after_updates() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
              $"IF nextval('fault_count') >= {failAt} THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$; " +
              "CREATE TRIGGER fault_after_updates BEFORE UPDATE ON vcenter_vms FOR EACH ROW EXECUTE FUNCTION fault_after_updates()");
        var before = await DatabaseState.CaptureAsync(db.Store);

        var error = await Assert.ThrowsAsync<SyncFailedException>(() => db.SyncAsync(vcenter, simulator, SmallPages));

        Assert.Contains("injected fault", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(error.Cancelled);
        await before.AssertUnchangedButTheFailureRecordAsync(db.Store);
        Assert.Equal(SyncStatus.Failed, (await db.VCenterAsync(vcenter.Id)).LastSyncStatus);
        Assert.Equal(0, await simulator.GetOpenTokenCountAsync(Ct));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_sync_cancelled_while_vm_pages_are_written_rolls_every_table_back(string store)
    {
        var simulator = fixture.Simulator;
        await using var db = await OpenAsync(store, "streamcancel");
        var vcenter = await db.RegisterAsync(simulator);
        var first = await db.SyncAsync(vcenter, simulator, SmallPages);
        await ExecuteAsync(db, store, "UPDATE vcenter_vms SET power_state = 'tampered'");
        await ExecuteAsync(db, store, "DELETE FROM vcenter_vm_disks");
        var before = await DatabaseState.CaptureAsync(db.Store);

        // Cancelled a few pages before the end of the VMs' retrieval, which comes after every other object's.
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<SyncProgressUpdate>(u =>
        {
            if (u.ObjectsFetched >= first.TotalObjects - (3 * SmallPages))
            {
                cancel.Cancel();
            }
        });
        var error = await Assert.ThrowsAsync<SyncFailedException>(() => db.SyncAsync(vcenter, simulator, SmallPages, progress, cancel.Token));

        Assert.True(error.Cancelled);
        await before.AssertUnchangedButTheFailureRecordAsync(db.Store);
        Assert.Equal(SyncStatus.Cancelled, (await db.VCenterAsync(vcenter.Id)).LastSyncStatus);
        Assert.Equal(0, await simulator.GetOpenTokenCountAsync(Ct));
    }

    private async Task<SyncDatabase> OpenAsync(string store, string name) =>
        store == "sqlite" ? await SyncDatabase.CreateSqliteAsync() : await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync(name));

    private static void AssertSameCounts(SyncResult expected, SyncResult actual)
    {
        Assert.Equal(Counts(expected), Counts(actual));
        Assert.Equal((expected.Hosts.AutoLinked, expected.Hosts.Ambiguous), (actual.Hosts.AutoLinked, actual.Hosts.Ambiguous));

        static List<object> Counts(SyncResult result) =>
        [
            .. new[] { result.Clusters, result.Hosts, result.Vms, result.Datastores, result.Networks, result.Alarms }
                .Select(c => (c.New, c.Updated, c.Deleted, c.Unchanged)).Cast<object>(),
            result.TotalObjects,
            result.Warnings,
        ];
    }

    // Every inventory table and the history, row for row, but for what differs between two databases by nature.
    private static async Task AssertSameRowsAsync(SyncDatabase expected, SyncDatabase actual)
    {
        foreach (var table in ContractSchema.Tables.Where(t => t.Name.StartsWith("vcenter_", StringComparison.Ordinal) || t.Name == "inventory_changes"))
        {
            var left = (await StoreDump.TableAsync(expected.Store, table.Name, null, PerDatabaseColumns)).Order(StringComparer.Ordinal).ToList();
            var right = (await StoreDump.TableAsync(actual.Store, table.Name, null, PerDatabaseColumns)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(left, right);
        }
    }

    private static async Task ExecuteAsync(SyncDatabase db, string store, string sql)
    {
        if (store == "sqlite")
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db.Connection, Pooling = false }.ToString());
            await connection.OpenAsync(Ct);
            await using var command = new SqliteCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
        else
        {
            await using var connection = new NpgsqlConnection(db.Connection);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
