using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using VcSync.Storage.Schema;
using VcSync.Storage.Sqlite;

namespace VcSync.Storage.Changes;

/// <summary>
/// Inserts history rows inside a write's transaction: by binary COPY on PostgreSQL (a vCenter's first sync records one
/// row per object, some 48,000 at vCenter's maximum); on SQLite, one prepared statement reused per row.
/// </summary>
internal static class ChangeHistoryWriter
{
    // How often the COPY loop looks at the cancellation token.
    private const int CancellationStride = 512;

    private static readonly string[] Columns =
        ["id", "source_vcenter_id", "object_type", "moref", "object_name", "change_kind", "column_name", "old_value", "new_value", "changed_at", "source"];

    public static async Task<int> InsertAsync(
        DbConnection connection,
        Guid vcenterId,
        DateTimeOffset at,
        string source,
        IReadOnlyList<ChangeRecord> changes,
        CancellationToken cancellationToken)
    {
        var when = ContractValue.Truncate(at);
        if (changes.Count == 0)
        {
            return 0;
        }

        if (connection is SqliteConnection sqlite)
        {
            InsertEach(sqlite, vcenterId, when, source, changes, cancellationToken);
        }
        else
        {
            await CopyAsync((NpgsqlConnection)connection, vcenterId, when.UtcDateTime, source, changes, cancellationToken);
        }

        return changes.Count;
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, Guid vcenterId, DateTime when, string source, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY inventory_changes ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < changes.Count; i++)
        {
            if (i % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // Synchronous writes fill Npgsql's buffer and flush it now and then, as the table writer's COPY does.
            var change = changes[i];
            importer.StartRow();
            importer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            importer.Write(vcenterId, NpgsqlDbType.Uuid);
            importer.Write(change.ObjectType, NpgsqlDbType.Text);
            importer.Write(change.Moref, NpgsqlDbType.Text);
            WriteText(importer, change.ObjectName);
            importer.Write(change.Kind, NpgsqlDbType.Text);
            WriteText(importer, change.Column);
            WriteText(importer, change.OldValue);
            WriteText(importer, change.NewValue);
            importer.Write(when, NpgsqlDbType.TimestampTz);
            importer.Write(source, NpgsqlDbType.Text);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void InsertEach(
        SqliteConnection connection, Guid vcenterId, DateTimeOffset when, string source, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("INSERT INTO inventory_changes (").AppendJoin(", ", Columns).Append(") VALUES (")
            .AppendJoin(", ", Columns.Select((_, c) => "$p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')');
        using var insert = new SqliteRowStatement(connection, sql.ToString());
        var vcenter = SqliteDialect.ToStored(ColumnKind.Uuid, vcenterId);
        var changedAt = SqliteDialect.ToStored(ColumnKind.Timestamp, when);
        var sourceValue = SqliteDialect.ToStored(ColumnKind.Text, source);
        for (var i = 0; i < changes.Count; i++)
        {
            if (i % 512 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var change = changes[i];
            insert.Bind(0, SqliteDialect.ToStored(ColumnKind.Uuid, Guid.CreateVersion7()));
            insert.Bind(1, vcenter);
            insert.Bind(2, SqliteDialect.ToStored(ColumnKind.Text, change.ObjectType));
            insert.Bind(3, SqliteDialect.ToStored(ColumnKind.Text, change.Moref));
            insert.Bind(4, SqliteDialect.ToStored(ColumnKind.Text, change.ObjectName));
            insert.Bind(5, SqliteDialect.ToStored(ColumnKind.Text, change.Kind));
            insert.Bind(6, SqliteDialect.ToStored(ColumnKind.Text, change.Column));
            insert.Bind(7, SqliteDialect.ToStored(ColumnKind.Text, change.OldValue));
            insert.Bind(8, SqliteDialect.ToStored(ColumnKind.Text, change.NewValue));
            insert.Bind(9, changedAt);
            insert.Bind(10, sourceValue);
            insert.Execute();
        }
    }
}
