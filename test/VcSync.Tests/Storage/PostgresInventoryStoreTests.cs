using Npgsql;
using VcSync.Storage;
using VcSync.Storage.Postgres;
using VcSync.Storage.Schema;
using VcSync.Tests.Fixtures;

namespace VcSync.Tests.Storage;

/// <summary>The store contract against a database of its own on the test run's PostgreSQL server.</summary>
public sealed class PostgresInventoryStoreTests(PostgresServer server) : InventoryStoreTests
{
    protected override async Task<IInventoryStore> OpenStoreAsync() =>
        await InventoryStoreFactory.OpenAsync(await server.CreateDatabaseAsync("store"), null, Ct);

    protected override async Task ExecuteAsync(IInventoryStore store, string sql)
    {
        await using var connection = await ((PostgresInventoryStore)store).OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<List<string>> QueryAsync(IInventoryStore store, string sql)
    {
        await using var connection = await ((PostgresInventoryStore)store).OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
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
        await using var connection = await ((PostgresInventoryStore)store).OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND table_name = @table ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue("table", table);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var columns = new List<(string, string, bool)>();
        while (await reader.ReadAsync(Ct))
        {
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2) == "YES"));
        }

        return columns;
    }

    protected override string ExpectedType(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => "uuid",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Integer => "integer",
        ColumnKind.BigInteger => "bigint",
        ColumnKind.Timestamp => "timestamp with time zone",
        ColumnKind.Json => "jsonb",
        _ => "text",
    };

    protected override async Task InstallWriteAuditAsync(IInventoryStore store)
    {
        var sql = new List<string>
        {
            "CREATE TABLE test_write_audit (table_name text, op text)",
            "CREATE FUNCTION test_write_audit() RETURNS trigger LANGUAGE plpgsql AS " +
            "$$ BEGIN INSERT INTO test_write_audit VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$",
        };
        foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id" && t != ContractSchema.InventoryChanges))
        {
            sql.Add($"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {table.Name} FOR EACH ROW EXECUTE FUNCTION test_write_audit()");
        }

        await ExecuteAsync(store, string.Join(";\n", sql));
    }

    [Fact]
    public async Task Unchanged_rewrite_keeps_every_row_version()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store);
        await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(vms: 200), T1), Ct);
        const string Versions =
            "SELECT string_agg(v, ',' ORDER BY v) FROM (" +
            "SELECT 'vm:' || moref || ':' || xmin::text || ':' || ctid::text AS v FROM vcenter_vms UNION ALL " +
            "SELECT 'host:' || moref || ':' || xmin::text || ':' || ctid::text FROM vcenter_hosts UNION ALL " +
            "SELECT 'alarm:' || alarm_key || ':' || xmin::text || ':' || ctid::text FROM vcenter_alarms UNION ALL " +
            "SELECT 'mount:' || datastore_moref || host_moref || ':' || xmin::text || ':' || ctid::text FROM vcenter_datastore_hosts) s";
        var before = await QueryAsync(store, Versions);

        var result = await store.WriteSyncAsync(Write(vcenter, SnapshotBuilder.Build(vms: 200), T2), Ct);

        Assert.Equal(0, result.RowsWritten);
        Assert.Equal(before, await QueryAsync(store, Versions));
    }

    [Fact]
    public async Task Postgres_uri_and_connection_string_are_told_from_a_file_path()
    {
        Assert.True(InventoryStoreFactory.IsPostgres("Host=db;Database=vcsync"));
        Assert.True(InventoryStoreFactory.IsPostgres("server=db; database=vcsync"));
        Assert.True(InventoryStoreFactory.IsPostgres("postgresql://u:p@db/vcsync"));
        Assert.True(InventoryStoreFactory.IsPostgres("POSTGRES://db/vcsync"));
        Assert.False(InventoryStoreFactory.IsPostgres("/var/lib/vcsync/inventory.db"));

        var builder = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("uri"));
        var uri = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?sslmode=disable";
        await using var store = await InventoryStoreFactory.OpenAsync(uri, null, Ct);
        Assert.IsType<PostgresInventoryStore>(store);
        Assert.Empty(await store.ListVCentersAsync(Ct));
    }
}
