using System.Data.Common;
using System.Globalization;

namespace VcSync.Storage.Reads;

/// <summary>
/// Keeps the query planner's statistics near the data, so a sort with its own index (e.g. <c>-memory_mb</c>) walks that
/// index instead of sorting every row an unselective filter (<c>power_state=poweredOn</c>) finds. SQLite has no
/// statistics until <c>ANALYZE</c> runs; PostgreSQL's autovacuum takes them, but only a while after a large sync.
/// They are taken again when the VM count moved by a quarter since.
/// </summary>
internal static class PlannerStatistics
{
    private const double Drift = 0.25;

    /// <summary>Runs <c>ANALYZE</c> when the statistics are missing or stale; true when it did.</summary>
    public static async Task<bool> RefreshAsync(DbConnection connection, bool postgres, CancellationToken cancellationToken)
    {
        var rows = await ScalarAsync(connection, "SELECT COUNT(*) FROM vcenter_vms", cancellationToken);
        if (rows == 0)
        {
            return false;
        }

        long? counted;
        if (postgres)
        {
            // n_mod_since_analyze counts rows changed since the last ANALYZE (NULL row: never looked at yet).
            var changed = await ScalarAsync(
                connection,
                "SELECT COALESCE((SELECT CASE WHEN last_analyze IS NULL AND last_autoanalyze IS NULL THEN -1 ELSE n_mod_since_analyze END " +
                "FROM pg_stat_user_tables WHERE relname = 'vcenter_vms'), -1)",
                cancellationToken);
            counted = changed < 0 ? null : Math.Max(0, rows - changed);
        }
        else
        {
            var hasTable = await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", cancellationToken) > 0;
            var stat = hasTable
                ? await TextAsync(connection, "SELECT stat FROM sqlite_stat1 WHERE tbl = 'vcenter_vms' AND idx = 'ix_vcenter_vms_name'", cancellationToken)
                : null;
            counted = stat is not null && long.TryParse(stat.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }

        if (counted is { } known && Math.Abs(rows - known) <= rows * Drift)
        {
            return false;
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = postgres ? "ANALYZE" : "PRAGMA analysis_limit = 0; ANALYZE";
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            // SQLite reads the statistics when a connection loads the schema; pooled connections would plan without
            // them until they close.
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(sqlite);
        }

        return true;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        Convert.ToInt64(await TextAsync(connection, sql, cancellationToken) ?? "0", CultureInfo.InvariantCulture);

    private static async Task<string?> TextAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
