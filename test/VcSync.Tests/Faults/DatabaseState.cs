using VcSync.Storage;
using VcSync.Storage.Schema;
using VcSync.Tests.Storage;

namespace VcSync.Tests.Faults;

/// <summary>Every row of every contract table, as text: "the database as it was", to compare row for row.</summary>
internal sealed record DatabaseState(IReadOnlyDictionary<string, List<string>> Tables)
{
    /// <summary>The columns a failed sync is expected to change: its outcome on the vCenter's row.</summary>
    private static readonly string[] OutcomeColumns = ["last_sync_at", "last_sync_status", "last_sync_error"];

    public static async Task<DatabaseState> CaptureAsync(IInventoryStore store, params string[] skipColumns)
    {
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in ContractSchema.Tables)
        {
            tables[table.Name] = await StoreDump.TableAsync(store, table.Name, null, skipColumns);
        }

        return new DatabaseState(tables);
    }

    /// <summary>
    /// Asserts that the store now holds exactly the rows of this state, except what recording a failed
    /// sync may change: the vCenter's last_sync_* columns, and activity rows added (never changed or removed).
    /// </summary>
    /// <param name="store">The store to compare with.</param>
    /// <param name="alsoChanged">Tables left out (e.g. the jobs that ran the sync).</param>
    public async Task AssertUnchangedButTheFailureRecordAsync(IInventoryStore store, params string[] alsoChanged)
    {
        var after = await CaptureAsync(store);
        foreach (var (name, rows) in Tables.Where(t => !alsoChanged.Contains(t.Key)))
        {
            switch (name)
            {
                case "vcenters":
                    Assert.Equal(
                        await StoreDump.TableAsync(store, name, null, OutcomeColumns),
                        await Skip(rows, OutcomeColumns));
                    break;
                case "idrac_commands":
                    Assert.All(rows, row => Assert.Contains(row, after.Tables[name]));
                    break;
                default:
                    Assert.Equal(rows, after.Tables[name]);
                    break;
            }
        }
    }

    /// <summary>Asserts that every table holds exactly the same rows.</summary>
    public async Task AssertIdenticalAsync(IInventoryStore store)
    {
        var after = await CaptureAsync(store);
        foreach (var (name, rows) in Tables)
        {
            Assert.Equal(rows, after.Tables[name]);
        }
    }

    private static Task<List<string>> Skip(List<string> rows, string[] columns) => Task.FromResult(
        rows.Select(row => string.Join(" | ", row.Split(" | ").Where(cell => !columns.Any(c => cell.StartsWith(c + "=", StringComparison.Ordinal))))).ToList());
}
