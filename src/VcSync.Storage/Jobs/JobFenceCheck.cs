using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Jobs;

/// <summary>Checks a <see cref="JobFence"/> inside a write's transaction, before it commits.</summary>
internal static class JobFenceCheck
{
    /// <summary>
    /// Throws <see cref="JobLostException"/> unless the job is <c>running</c> and held by the fence's worker. On
    /// PostgreSQL the job's row stays locked to the commit (<see cref="ISqlDialect.RowLockClause"/>), so a take-over's
    /// claim skips the row instead of slipping in between the check and the commit; on SQLite the write transaction
    /// holds the database's write lock already.
    /// </summary>
    public static async Task EnsureHeldAsync(
        DbConnection connection, DbTransaction transaction, ISqlDialect dialect, JobFence? fence, CancellationToken cancellationToken)
    {
        if (fence is null)
        {
            return;
        }

        var held = await connection.ScalarAsync(
            transaction,
            "SELECT 1 FROM jobs WHERE id = @id AND worker_id = @worker AND status = @running" + dialect.RowLockClause,
            cancellationToken,
            dialect.Parameter("id", ColumnKind.Uuid, fence.JobId),
            dialect.Parameter("worker", ColumnKind.Text, fence.WorkerId),
            dialect.Parameter("running", ColumnKind.Text, JobStatusText.Running));
        if (held is null)
        {
            throw new JobLostException(fence);
        }
    }
}
