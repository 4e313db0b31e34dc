using Microsoft.Data.Sqlite;
using SQLitePCL;
using VcSync.Storage.Schema;
using VcSync.Storage.Sqlite;

namespace VcSync.Tests.Storage;

/// <summary>
/// The SQLite writer's byte-encoded rows against Microsoft.Data.Sqlite's reader, which the writer used before: the same
/// stored and contract values, and a record's encoding equal to its row's exactly when the stored values are equal.
/// </summary>
public sealed class StoredRowsTests
{
    private static readonly ColumnKind[] Kinds =
        [ColumnKind.Integer, ColumnKind.BigInteger, ColumnKind.Boolean, ColumnKind.Text, ColumnKind.Timestamp, ColumnKind.Uuid, ColumnKind.Json];

    private static readonly object?[][] Rows =
    [
        [1, 2L, true, "plain", new DateTimeOffset(2026, 12, 1, 23, 0, 0, 123, TimeSpan.Zero), Guid.Parse("01a233d6-ceb1-7e34-9712-85fb355e2be9"), "{\"a\":1}"],
        [int.MinValue, long.MaxValue, false, "é漢字😀 ' \" <&> \t\n", new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.FromHours(5)), Guid.Empty, "[]"],
        [null, null, null, null, null, null, null],
        [0, long.MinValue, true, string.Empty, DateTimeOffset.UnixEpoch, Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), string.Empty],
    ];

    // A value of the same kind that differs from each above in a way a lax comparison could miss.
    private static readonly object?[] Others =
        [-1, 3L, false, "Plain", new DateTimeOffset(2026, 12, 1, 23, 0, 0, 124, TimeSpan.Zero), Guid.Parse("01a233d6-ceb1-7e34-9712-85fb355e2be8"), "{\"a\":2}"];

    private static readonly SyncedColumn<object?[]>[] Columns =
        [.. Kinds.Select((kind, i) => new SyncedColumn<object?[]>(new($"c{i}", kind), row => row[i]))];

    [Fact]
    public void Rows_read_as_bytes_decode_to_what_the_reader_gives_and_compare_equal_only_to_their_own_values()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE t (k TEXT NOT NULL, n INTEGER NOT NULL, " + string.Join(", ", Columns.Select(c => c.Name + " " + (c.Kind is ColumnKind.Integer or ColumnKind.BigInteger or ColumnKind.Boolean ? "INTEGER" : "TEXT"))) + ")");
        for (var r = 0; r < Rows.Length; r++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO t VALUES ($k, $n, {string.Join(", ", Columns.Select(c => "$" + c.Name))})";
            insert.Parameters.AddWithValue("$k", $"vm-{r}");
            insert.Parameters.AddWithValue("$n", 4000L + r);
            foreach (var column in Columns)
            {
                insert.Parameters.AddWithValue("$" + column.Name, SqliteDialect.ToStored(column.Kind, column.Read(Rows[r])));
            }

            insert.ExecuteNonQuery();
        }

        var select = $"SELECT k, n, {string.Join(", ", Columns.Select(c => c.Name))} FROM t ORDER BY k";
        var stored = new StoredRows(2);
        var rc = raw.sqlite3_prepare_v2(connection.Handle, select, out var statement);
        Assert.Equal(raw.SQLITE_OK, rc);
        using (statement)
        {
            stored.ReadAll(connection.Handle!, statement, Columns.Length);
        }

        Assert.Equal(Rows.Select((_, r) => $"vm-{r}/{4000 + r}"), stored.Rows.Keys);
        using var command = connection.CreateCommand();
        command.CommandText = select;
        using var reader = command.ExecuteReader();
        var encoder = new StoredRows.Encoder();
        for (var r = 0; reader.Read(); r++)
        {
            var row = stored.Rows[$"vm-{r}/{4000 + r}"];
            Assert.Equal([reader.GetValue(0), reader.GetValue(1)], stored.Keys(row));
            Assert.Equal(Columns.Select((_, i) => reader.GetValue(i + 2)), stored.Values(row, Columns.Length));
            Assert.Equal(Columns.Select((c, i) => SqliteDialect.Instance.Read(reader, i + 2, c.Kind)), stored.ContractValues(row, Columns));

            Encode(encoder, Rows[r]);
            Assert.True(stored.Same(row, encoder.Encoded));
            for (var i = 0; i < Columns.Length; i++)
            {
                var changed = (object?[])Rows[r].Clone();
                changed[i] = Equals(changed[i], Others[i]) ? null : Others[i];
                Encode(encoder, changed);
                Assert.False(stored.Same(row, encoder.Encoded), $"row {r}, column {Columns[i].Name}");
            }
        }
    }

    private static void Encode(StoredRows.Encoder encoder, object?[] row)
    {
        encoder.Clear();
        foreach (var column in Columns)
        {
            encoder.Append(column.Kind, column.Read(row));
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
