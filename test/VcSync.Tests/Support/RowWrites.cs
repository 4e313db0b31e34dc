using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace VcSync.Tests.Support;

/// <summary>
/// Counts every row a database statement inserts, updates or deletes in the inventory tables, with row triggers the
/// test adds to the database (SQLite or PostgreSQL). Unlike comparing dumps, it also sees a row deleted and put
/// back as it was, or updated to the values it already had.
/// </summary>
public sealed class RowWrites
{
    /// <summary>Every table a sync writes: the objects, their relationships and their child rows.</summary>
    public static readonly string[] InventoryTables =
    [
        "vcenter_clusters", "vcenter_hosts", "vcenter_vms", "vcenter_datastores", "vcenter_datastore_hosts", "vcenter_networks",
        "vcenter_alarms", "vcenter_vm_nics", "vcenter_vm_disks", "vcenter_vm_partitions", "vcenter_vm_snapshots",
        "vcenter_host_portgroups",
    ];

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    private readonly SyncDatabase _db;

    private RowWrites(SyncDatabase db) => _db = db;

    private bool IsPostgres => _db.Connection.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds the counting table and triggers to <paramref name="db"/>; counting starts now.</summary>
    public static async Task<RowWrites> InstallAsync(SyncDatabase db)
    {
        var writes = new RowWrites(db);
        var sql = new List<string> { "CREATE TABLE test_row_writes (table_name TEXT NOT NULL, operation TEXT NOT NULL)" };
        if (writes.IsPostgres)
        {
            sql.Add("CREATE FUNCTION test_count_row_write() RETURNS trigger LANGUAGE plpgsql AS " +
                "$$ BEGIN INSERT INTO test_row_writes VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$");
            sql.AddRange(InventoryTables.Select(t =>
                $"CREATE TRIGGER test_count_{t} AFTER INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION test_count_row_write()"));
        }
        else
        {
            sql.AddRange(InventoryTables.SelectMany(t => Operations.Select(op =>
                $"CREATE TRIGGER test_count_{t}_{op} AFTER {op} ON {t} BEGIN INSERT INTO test_row_writes VALUES ('{t}', '{op}'); END")));
        }

        await writes.ExecuteAsync(sql);
        return writes;
    }

    /// <summary>"table OPERATION" → rows written since the last <see cref="TakeAsync"/> (or the install); then starts over.</summary>
    public async Task<Dictionary<string, int>> TakeAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = Open();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, operation, COUNT(*) FROM test_row_writes GROUP BY table_name, operation";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                counts[reader.GetString(0) + " " + reader.GetString(1)] = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM test_row_writes";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return counts;
    }

    private async Task ExecuteAsync(IEnumerable<string> statements)
    {
        await using var connection = Open();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    private DbConnection Open() =>
        IsPostgres
            ? new NpgsqlConnection(_db.Connection)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _db.Connection, Pooling = false }.ToString());
}
