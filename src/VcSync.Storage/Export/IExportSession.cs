namespace VcSync.Storage.Export;

/// <summary>
/// One consistent read of the inventory for an export: every <see cref="ReadAsync"/> sees the database as it was
/// when the first one started, even while a sync writes (a SQLite read transaction; PostgreSQL REPEATABLE READ).
/// </summary>
public interface IExportSession : IAsyncDisposable
{
    /// <summary>
    /// Streams the rows of <paramref name="source"/>, optionally of one vCenter, with <paramref name="columns"/> in
    /// that order (names from <see cref="ExportCatalog.Columns"/>). Rows arrive as the database returns them; nothing
    /// is buffered. Dispose the reader before the next call.
    /// </summary>
    /// <exception cref="ArgumentException">A column is not offered by the source.</exception>
    Task<ExportRowReader> ReadAsync(
        ExportSource source, IReadOnlyList<string> columns, Guid? vcenterId, CancellationToken cancellationToken);
}
