using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Jobs;

/// <summary>Checks a <see cref="JobFence"/> inside a write's transaction, before it commits.</summary>
internal static class JobFenceCheck
{
    /// <summary>
    /// Throws <see cref="JobLostException"/> unless the job is <c>running</c> and held by the fence's worker. With
    /// <paramref name="lockRow"/> (PostgreSQL) the job's row stays locked to the commit, so a take-over waits for the
    /// write (its claim skips the locked row) instead of slipping in between the check and the commit; on SQLite the
    /// write transaction holds the database's write lock already.
    /// </summary>
    public static async Task EnsureHeldAsync(
        DbConnection connection, DbTransaction transaction, ISqlDialect dialect, bool lockRow, JobFence? fence, CancellationToken cancellationToken)
    {
        if (fence is null)
        {
            return;
        }

        await using var command = SqlStoreCore.Command(
            connection,
            transaction,
            "SELECT 1 FROM jobs WHERE id = @id AND worker_id = @worker AND status = @running" + (lockRow ? " FOR UPDATE" : ""),
            dialect.Parameter("id", ColumnKind.Uuid, fence.JobId),
            dialect.Parameter("worker", ColumnKind.Text, fence.WorkerId),
            dialect.Parameter("running", ColumnKind.Text, JobStatus.Running));
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new JobLostException(fence);
        }
    }
}
