using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using VcSync.Storage.Schema;
using VcSync.Storage.Sqlite;

namespace VcSync.Storage.Changes;

/// <summary>
/// Inserts history rows inside a write's transaction: many rows per statement on PostgreSQL; on SQLite, one prepared
/// statement reused per row (in process, that is cheaper than binding thousands of named parameters per statement).
/// </summary>
internal static class ChangeHistoryWriter
{
    // SQLite finds each named parameter by a linear search of the statement's names: a statement of p parameters binds in O(p²),
    // so a few hundred parameters per statement is the sweet spot (2,200 cost ~100 ms of CPU per statement).
    private const int RowsPerStatement = 20;

    private static readonly string[] Columns =
        ["id", "source_vcenter_id", "object_type", "moref", "object_name", "change_kind", "column_name", "old_value", "new_value", "changed_at", "source"];

    public static async Task<int> InsertAsync(
        ISqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        Guid vcenterId,
        DateTimeOffset at,
        string source,
        IReadOnlyList<ChangeRecord> changes,
        CancellationToken cancellationToken)
    {
        var when = ContractValue.Truncate(at);
        if (connection is SqliteConnection sqlite)
        {
            InsertEach(sqlite, vcenterId, when, source, changes, cancellationToken);
            return changes.Count;
        }

        for (var start = 0; start < changes.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, changes.Count - start);
            var sql = new StringBuilder("INSERT INTO inventory_changes (").AppendJoin(", ", Columns).Append(") VALUES ");
            var parameters = new List<DbParameter>(count * Columns.Length);
            for (var i = 0; i < count; i++)
            {
                var change = changes[start + i];
                sql.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Length; c++)
                {
                    sql.Append(c == 0 ? "@p" : ", @p").Append(i).Append('_').Append(c);
                }

                sql.Append(')');
                object?[] values =
                [
                    Guid.CreateVersion7(), vcenterId, change.ObjectType, change.Moref, change.ObjectName, change.Kind, change.Column,
                    change.OldValue, change.NewValue, when, source,
                ];
                for (var c = 0; c < Columns.Length; c++)
                {
                    var kind = c switch
                    {
                        0 or 1 => ColumnKind.Uuid,
                        9 => ColumnKind.Timestamp,
                        _ => ColumnKind.Text,
                    };
                    parameters.Add(dialect.Parameter($"p{i}_{c}", kind, values[c]));
                }
            }

            await connection.ExecuteAsync(transaction, sql.ToString(), cancellationToken, [.. parameters]);
        }

        return changes.Count;
    }

    private static void InsertEach(
        SqliteConnection connection, Guid vcenterId, DateTimeOffset when, string source, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

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
