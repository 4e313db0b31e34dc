using Microsoft.Data.Sqlite;
using VcSync.Storage;
using VcSync.Storage.Schema;
using VcSync.Storage.Sqlite;

namespace VcSync.Tests.Storage;

/// <summary>The store contract against a SQLite file in a temp directory.</summary>
public sealed class SqliteInventoryStoreTests : InventoryStoreTests, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vcsync-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override async Task<IInventoryStore> OpenStoreAsync() =>
        await InventoryStoreFactory.OpenAsync(Path.Combine(_directory, "sub dir", $"inventory-{Guid.NewGuid():N}.db"), null, Ct);

    protected override async Task ExecuteAsync(IInventoryStore store, string sql)
    {
        await using var connection = await ((SqliteInventoryStore)store).OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<List<string>> QueryAsync(IInventoryStore store, string sql)
    {
        await using var connection = await ((SqliteInventoryStore)store).OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            values.Add(reader.IsDBNull(0) ? "NULL" : reader.GetValue(0).ToString()!);
        }

        return values;
    }

    protected override async Task<List<(string Name, string Type, bool Nullable)>> ReadColumnsAsync(IInventoryStore store, string table)
    {
        await using var connection = await ((SqliteInventoryStore)store).OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var columns = new List<(string, string, bool)>();
        while (await reader.ReadAsync(Ct))
        {
            // A PRIMARY KEY column of a rowid table is NOT NULL only when declared so; ours all are.
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) == 0 && reader.GetInt64(3) == 0));
        }

        return columns;
    }

    protected override string ExpectedType(ColumnKind kind) =>
        kind is ColumnKind.Integer or ColumnKind.BigInteger or ColumnKind.Boolean ? "INTEGER" : "TEXT";

    protected override async Task InstallWriteAuditAsync(IInventoryStore store)
    {
        var sql = new List<string> { "CREATE TABLE test_write_audit (table_name TEXT, op TEXT)" };
        foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id" && t != ContractSchema.InventoryChanges))
        {
            foreach (var op in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                sql.Add($"CREATE TRIGGER audit_{table.Name}_{op} AFTER {op} ON {table.Name} " +
                        $"BEGIN INSERT INTO test_write_audit VALUES ('{table.Name}', '{op}'); END");
            }
        }

        await ExecuteAsync(store, string.Join(";\n", sql));
    }

    [Fact]
    public async Task Database_is_in_wal_mode_with_foreign_keys_on()
    {
        await using var store = await OpenStoreAsync();
        Assert.Equal(["wal"], await QueryAsync(store, "PRAGMA journal_mode"));
        Assert.Equal(["1"], await QueryAsync(store, "PRAGMA foreign_keys"));
        // Every embedded script ran once.
        var scripts = typeof(SqliteInventoryStore).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Migrations.Sqlite.", StringComparison.Ordinal));
        Assert.Equal([scripts.ToString(System.Globalization.CultureInfo.InvariantCulture)], await QueryAsync(store, "SELECT COUNT(*) FROM schema_versions"));
    }

    [Fact]
    public async Task Timestamps_are_iso_8601_utc_text_and_booleans_integers()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(), T1.ToOffset(TimeSpan.FromHours(2))), Ct);

        Assert.Equal(["2026-11-26T03:42:18.938Z"], await QueryAsync(store, "SELECT DISTINCT first_seen_at FROM vcenter_vms"));
        Assert.Equal(["integer"], await QueryAsync(store, "SELECT DISTINCT typeof(is_template) FROM vcenter_vms"));
        Assert.Equal([vcenter.Id.ToString()], await QueryAsync(store, "SELECT DISTINCT source_vcenter_id FROM vcenter_vms"));
    }
}
