using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Cursors;

/// <summary>The statements on <c>vcenter_sync_cursors</c>, the same on both databases.</summary>
internal static class SyncCursorSql
{
    private const string Columns = "session_hash, collector, view_moref, version, fingerprint, alarms_hash, total_objects, saved_at";

    /// <summary>The vCenter's cursor, or null.</summary>
    public static async Task<SyncCursor?> ReadAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction? transaction, Guid vcenterId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(
            transaction,
            $"SELECT {Columns} FROM vcenter_sync_cursors WHERE vcenter_id = @vcenter",
            r => new SyncCursor
            {
                SessionHash = (string)dialect.Read(r, 0, ColumnKind.Text)!,
                Collector = (string)dialect.Read(r, 1, ColumnKind.Text)!,
                View = (string)dialect.Read(r, 2, ColumnKind.Text)!,
                Version = (string)dialect.Read(r, 3, ColumnKind.Text)!,
                Fingerprint = (string)dialect.Read(r, 4, ColumnKind.Text)!,
                AlarmsHash = (string)dialect.Read(r, 5, ColumnKind.Text)!,
                TotalObjects = (int)dialect.Read(r, 6, ColumnKind.Integer)!,
                SavedAt = (DateTimeOffset)dialect.Read(r, 7, ColumnKind.Timestamp)!,
            },
            cancellationToken,
            dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Makes <paramref name="cursor"/> the vCenter's cursor, replacing any other.</summary>
    public static Task SaveAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, Guid vcenterId, SyncCursor cursor, DateTimeOffset savedAt,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            transaction,
            $"INSERT INTO vcenter_sync_cursors (vcenter_id, {Columns}) " +
            "VALUES (@vcenter, @session_hash, @collector, @view_moref, @version, @fingerprint, @alarms_hash, @total_objects, @saved_at) " +
            "ON CONFLICT (vcenter_id) DO UPDATE SET session_hash = excluded.session_hash, collector = excluded.collector, " +
            "view_moref = excluded.view_moref, version = excluded.version, fingerprint = excluded.fingerprint, " +
            "alarms_hash = excluded.alarms_hash, total_objects = excluded.total_objects, saved_at = excluded.saved_at",
            cancellationToken,
            [dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId), .. Values(dialect, cursor, savedAt)]);

    /// <summary>
    /// Replaces the vCenter's cursor with <paramref name="next"/> only if it is still at <paramref name="expected"/>'s
    /// place (<see cref="SyncCursor.SamePlace"/>); false when it is gone or another. On PostgreSQL the row stays locked
    /// to the commit, so a concurrent write of the cursor waits and a concurrent check of the same place then fails.
    /// </summary>
    public static async Task<bool> AdvanceAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, Guid vcenterId, SyncCursor expected, SyncCursor next,
        DateTimeOffset savedAt, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(
            transaction,
            "UPDATE vcenter_sync_cursors SET session_hash = @session_hash, collector = @collector, view_moref = @view_moref, " +
            "version = @version, fingerprint = @fingerprint, alarms_hash = @alarms_hash, total_objects = @total_objects, saved_at = @saved_at " +
            "WHERE vcenter_id = @vcenter AND session_hash = @expected_session AND collector = @expected_collector AND version = @expected_version",
            cancellationToken,
            [
                dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId),
                dialect.Parameter("expected_session", ColumnKind.Text, expected.SessionHash),
                dialect.Parameter("expected_collector", ColumnKind.Text, expected.Collector),
                dialect.Parameter("expected_version", ColumnKind.Text, expected.Version),
                .. Values(dialect, next, savedAt),
            ]) == 1;

    /// <summary>Deletes the vCenter's cursor, if any.</summary>
    public static Task DeleteAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, Guid vcenterId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            transaction,
            "DELETE FROM vcenter_sync_cursors WHERE vcenter_id = @vcenter",
            cancellationToken,
            dialect.Parameter("vcenter", ColumnKind.Uuid, vcenterId));

    private static DbParameter[] Values(ISqlDialect dialect, SyncCursor cursor, DateTimeOffset savedAt) =>
    [
        dialect.Parameter("session_hash", ColumnKind.Text, cursor.SessionHash),
        dialect.Parameter("collector", ColumnKind.Text, cursor.Collector),
        dialect.Parameter("view_moref", ColumnKind.Text, cursor.View),
        dialect.Parameter("version", ColumnKind.Text, cursor.Version),
        dialect.Parameter("fingerprint", ColumnKind.Text, cursor.Fingerprint),
        dialect.Parameter("alarms_hash", ColumnKind.Text, cursor.AlarmsHash),
        dialect.Parameter("total_objects", ColumnKind.Integer, cursor.TotalObjects),
        dialect.Parameter("saved_at", ColumnKind.Timestamp, ContractValue.Truncate(savedAt)),
    ];
}
