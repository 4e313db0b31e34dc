namespace VcSync.Tests.Support;

/// <summary>Assertions over <see cref="SqliteDump"/> snapshots of a whole database.</summary>
public static class DatabaseAssert
{
    /// <summary>Tables a sync writes even when nothing changed: its vCenter's sync bookkeeping (and incremental cursor) and the activity log.</summary>
    private static readonly string[] BookkeepingTables = ["vcenters", "vcenter_sync_cursors", "idrac_commands"];

    /// <summary>
    /// Every table other than <c>vcenters</c> and the activity log is the same row for row (every column); the
    /// activity log only gained rows.
    /// </summary>
    public static void InventoryUnchanged(SortedDictionary<string, List<string>> before, SortedDictionary<string, List<string>> after)
    {
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (table, rows) in before)
        {
            if (!BookkeepingTables.Contains(table))
            {
                Assert.True(rows.SequenceEqual(after[table]), $"table {table} changed:\n" + Diff(rows, after[table]));
            }
        }

        var lost = before["idrac_commands"].Except(after["idrac_commands"]).ToList();
        Assert.True(lost.Count == 0, "activity rows changed or vanished:\n" + string.Join('\n', lost));
    }

    private static string Diff(List<string> before, List<string> after) =>
        string.Join('\n', before.Except(after).Take(10).Select(r => "- " + r).Concat(after.Except(before).Take(10).Select(r => "+ " + r)));
}
