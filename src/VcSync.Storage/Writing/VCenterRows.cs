using System.Data.Common;
using System.Globalization;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>Counts of one vCenter's rows, for writes that report rows they left alone as unchanged.</summary>
internal static class VCenterRows
{
    /// <summary>The rows of <paramref name="table"/> of the vCenter, counted in the caller's transaction.</summary>
    public static async Task<int> CountAsync(
        DbConnection connection, DbTransaction transaction, ISqlDialect dialect, string table, Guid vcenterId, CancellationToken cancellationToken) =>
        Convert.ToInt32(
            await connection.ScalarAsync(
                transaction,
                $"SELECT COUNT(*) FROM {table} WHERE source_vcenter_id = @vcenter",
                cancellationToken,
                dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId)),
            CultureInfo.InvariantCulture);
}
