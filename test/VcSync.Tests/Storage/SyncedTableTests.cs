using Microsoft.Extensions.Logging.Abstractions;
using VcSync.Storage;
using VcSync.Storage.Migrations;
using VcSync.Storage.Schema;

namespace VcSync.Tests.Storage;

/// <summary>
/// The shared store core as other tables will use it: a table described only in Schema/ (here a per-VM child table
/// with a two-column key) gets the same change detection and deletes as the built-in ones, in both stores.
/// </summary>
public abstract partial class InventoryStoreTests
{
    private static readonly SyncedTable<TestDisk> Disks = new(
        "test_vm_disks",
        _ => null,
        [new(new("vm_moref", ColumnKind.Text), d => d.VmMoref), new(new("disk_key", ColumnKind.Integer), d => d.Key)],
        [new(new("label", ColumnKind.Text), d => d.Label), new(new("capacity_bytes", ColumnKind.BigInteger), d => d.CapacityBytes)],
        [],
        ["vm_moref", "disk_key"]);

    [Fact]
    public async Task A_child_table_described_in_schema_is_diffed_upserted_and_pruned_per_vcenter()
    {
        await using var store = await OpenStoreAsync();
        await CreateDisksTableAsync(store);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        TestDisk[] disks = [new("vm-1", 2000, "Hard disk 1", 1L << 40), new("vm-1", 2001, "Hard disk 2", null), new("vm-2", 2000, "Hard disk 1", long.MaxValue)];

        var first = await WriteDisksAsync(store, a, disks, T1);
        Assert.Equal(new TableChanges(3, 0, 0, 0), first.Counts);
        Assert.Equal(["vm-1/2000", "vm-1/2001", "vm-2/2000"], first.Inserted.Order(StringComparer.Ordinal));
        await WriteDisksAsync(store, b, disks[..1], T1);

        var again = await WriteDisksAsync(store, a, disks, T2);
        Assert.Equal(new TableChanges(0, 0, 0, 3), again.Counts);
        // Unchanged rows are not rewritten: last_sync_at is still the insert's.
        Assert.Equal(["0"], await QueryAsync(store, "SELECT COUNT(*) FROM test_vm_disks WHERE last_sync_at <> first_seen_at"));

        var third = await WriteDisksAsync(store, a, [disks[0] with { Label = "renamed" }, disks[2], new("vm-2", 2001, null, 5)], T3);
        Assert.Equal(new TableChanges(1, 1, 1, 1), third.Counts);
        Assert.Equal(["vm-2/2001"], third.Inserted);
        Assert.Equal(["vm-1/2000"], third.Updated);
        Assert.Equal(["vm-1/2001"], third.Deleted);
        // The other vCenter's row of the same key is its own, untouched.
        Assert.Equal(["4"], await QueryAsync(store, "SELECT COUNT(*) FROM test_vm_disks"));
        Assert.Equal(["Hard disk 1"], await QueryAsync(store, $"SELECT label FROM test_vm_disks WHERE source_vcenter_id = '{b}'"));

        var twice = await Assert.ThrowsAsync<ArgumentException>(() => WriteDisksAsync(store, a, [disks[0], disks[0]], T3));
        Assert.Contains("vm_moref, disk_key 'vm-1/2000' occurs twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_write_in_pages_keeps_a_vms_last_content_when_a_later_page_repeats_it()
    {
        await using var store = await OpenStoreAsync();
        await CreateDisksTableAsync(store);
        var vcenter = Guid.NewGuid();
        var source = (ISqlConnectionSource)store;
        await using var connection = await source.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var writer = source.Dialect.TableWriter(connection, transaction, vcenter, T1);

        // PostgreSQL loads a vCenter's first rows by COPY: a page that repeats a VM (the sync passes it among the page's
        // parents) must fall back to the upsert, and later pages too.
        var first = await writer.WriteAsync(Disks, [new TestDisk("vm-1", 2000, "first", 1), new TestDisk("vm-2", 2000, "kept", 2)], ["vm-1", "vm-2"], Ct);
        var second = await writer.WriteAsync(Disks, [new TestDisk("vm-1", 2000, "again", 1), new TestDisk("vm-3", 2000, "new", 3)], ["vm-1", "vm-3"], Ct);
        var third = await writer.WriteAsync(Disks, [new TestDisk("vm-4", 2000, "fourth", 4)], ["vm-4"], Ct);
        await transaction.CommitAsync(Ct);

        Assert.Equal(new TableChanges(2, 0, 0, 0), first.Counts);
        Assert.Equal(["vm-1/2000", "vm-2/2000"], first.Inserted);
        Assert.Equal(["vm-3/2000"], second.Inserted);
        Assert.Equal(["vm-1/2000"], second.Updated);
        Assert.Equal(["vm-4/2000"], third.Inserted);
        Assert.Equal(
            ["again", "fourth", "kept", "new"],
            await QueryAsync(store, $"SELECT label FROM test_vm_disks WHERE source_vcenter_id = '{vcenter}' ORDER BY label"));
        Assert.Equal(["0"], await QueryAsync(store, "SELECT COUNT(*) FROM test_vm_disks WHERE last_sync_at <> first_seen_at"));

        var twice = await Assert.ThrowsAsync<ArgumentException>(() => WriteDisksAsync(store, Guid.NewGuid(), [new("vm-1", 1, "a", 1), new("vm-1", 1, "b", 1)], T2));
        Assert.Contains("vm_moref, disk_key 'vm-1/1' occurs twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_up_to_date_database_runs_no_migration()
    {
        await using var store = await OpenStoreAsync();
        var source = (ISqlConnectionSource)store;
        await using var connection = await source.OpenConnectionAsync(Ct);
        var ran = await new MigrationRunner(source.Dialect, NullLogger.Instance).RunAsync(connection, "test", Ct);
        Assert.Empty(ran);
        var scripts = MigrationScripts.Of(source.Dialect.Name).Select(s => s.Name).ToList();
        Assert.Equal(scripts, (await QueryAsync(store, "SELECT scriptname FROM schema_versions ORDER BY scriptname")).Order(StringComparer.Ordinal));
    }

    private async Task CreateDisksTableAsync(IInventoryStore store) =>
        await ExecuteAsync(
            store,
            $"CREATE TABLE test_vm_disks (id {ExpectedType(ColumnKind.Uuid)} NOT NULL PRIMARY KEY, " +
            $"source_vcenter_id {ExpectedType(ColumnKind.Uuid)} NOT NULL, vm_moref TEXT NOT NULL, disk_key INTEGER NOT NULL, " +
            $"label TEXT, capacity_bytes BIGINT, first_seen_at {ExpectedType(ColumnKind.Timestamp)} NOT NULL, " +
            $"last_sync_at {ExpectedType(ColumnKind.Timestamp)} NOT NULL, UNIQUE (source_vcenter_id, vm_moref, disk_key))");

    private static async Task<VcSync.Storage.Writing.TableWrite> WriteDisksAsync(IInventoryStore store, Guid vcenter, IReadOnlyList<TestDisk> disks, DateTimeOffset at)
    {
        var source = (ISqlConnectionSource)store;
        await using var connection = await source.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var written = await source.Dialect.TableWriter(connection, transaction, vcenter, at).WriteAsync(Disks, disks, null, Ct);
        await transaction.CommitAsync(Ct);
        return written;
    }

    private sealed record TestDisk(string VmMoref, int Key, string? Label, long? CapacityBytes);
}
