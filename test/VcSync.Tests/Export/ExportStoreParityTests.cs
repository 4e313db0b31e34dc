using VcSync.Tests.Fixtures;
using VcSync.Tests.Support;

namespace VcSync.Tests.Export;

/// <summary>The same inventory exported from PostgreSQL and from SQLite gives the same workbook, cell for cell.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class ExportStoreParityTests(SimulatorFixture fixture, PostgresServer postgres)
{
    [Fact]
    public async Task Postgres_and_sqlite_exports_of_one_simulator_are_equal_in_every_sheet()
    {
        await using var sqlite = await SyncDatabase.CreateSqliteAsync();
        await using var pg = await SyncDatabase.OpenAsync(await postgres.CreateDatabaseAsync("exportparity"));
        foreach (var db in new[] { sqlite, pg })
        {
            await db.SyncAsync(await db.RegisterAsync(fixture.Simulator), fixture.Simulator);
        }

        var directory = Path.GetDirectoryName(sqlite.Connection)!;
        using var fromSqlite = await ExportRun.XlsxAsync(sqlite.Connection, Path.Combine(directory, "sqlite.xlsx"));
        using var fromPostgres = await ExportRun.XlsxAsync(pg.Connection, Path.Combine(directory, "postgres.xlsx"));

        Assert.Equal(RvToolsHeaders.Sheets, fromPostgres.SheetNames);
        var vms = fromSqlite["vInfo"].Rows;
        Assert.True(vms.Count > 0 && vms.Any(r => r.Text("Network #2").Length > 0), "the VMs have several networks");
        foreach (var name in RvToolsHeaders.Sheets)
        {
            var left = fromSqlite[name];
            var right = fromPostgres[name];
            Assert.Equal(left.Headers, right.Headers);
            Assert.Equal(left.Rows.Count, right.Rows.Count);
            for (var i = 0; i < left.Rows.Count; i++)
            {
                for (var c = 0; c < left.Headers.Count; c++)
                {
                    if (left.Headers[c] == "xlsx creation datetime")
                    {
                        continue;
                    }

                    var expected = Sheet.Row.Show(left.Rows[i].Cells[c]);
                    var actual = Sheet.Row.Show(right.Rows[i].Cells[c]);
                    Assert.True(expected == actual, $"{name} row {i + 1} [{left.Headers[c]}]: postgres '{actual}', sqlite '{expected}'");
                }
            }
        }
    }
}
