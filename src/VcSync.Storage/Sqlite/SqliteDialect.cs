using System.Data.Common;
using Microsoft.Data.Sqlite;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Sqlite;

/// <summary>Contract values in SQLite: UUIDs as lower-case TEXT, booleans as 0/1, timestamps as ISO-8601 TEXT.</summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    /// <summary>
    /// The value as SQLite stores it and hands it back from <see cref="DbDataReader.GetValue"/>: a <see cref="long"/>,
    /// a <see cref="string"/> or <see cref="DBNull"/>. Change detection compares these, so it sees what is stored.
    /// </summary>
    public static object ToStored(ColumnKind kind, object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString("D"),
        bool b => b ? 1L : 0L,
        int i => (long)i,
        long l => l,
        DateTimeOffset d => ContractValue.FormatTimestamp(d),
        string s => s,
        _ => throw new ArgumentException($"A {kind} column cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    public DbParameter Parameter(string name, ColumnKind kind, object? value) =>
        new SqliteParameter(name, ToStored(kind, value));

    public object? Read(DbDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Uuid => Guid.Parse(reader.GetString(ordinal)),
            ColumnKind.Boolean => reader.GetInt64(ordinal) != 0,
            ColumnKind.Integer => checked((int)reader.GetInt64(ordinal)),
            ColumnKind.BigInteger => reader.GetInt64(ordinal),
            ColumnKind.Timestamp => ContractValue.ParseTimestamp(reader.GetString(ordinal)),
            _ => reader.GetString(ordinal),
        };
    }

    public string OrderBy(ColumnSchema column) => column.Name;

    // SQLITE_CONSTRAINT_UNIQUE, and SQLITE_CONSTRAINT_PRIMARYKEY.
    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
