using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Postgres;

/// <summary>Contract values in PostgreSQL: uuid, boolean, integer, bigint, timestamptz and jsonb.</summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public static NpgsqlDbType TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => NpgsqlDbType.Uuid,
        ColumnKind.Boolean => NpgsqlDbType.Boolean,
        ColumnKind.Integer => NpgsqlDbType.Integer,
        ColumnKind.BigInteger => NpgsqlDbType.Bigint,
        ColumnKind.Timestamp => NpgsqlDbType.TimestampTz,
        ColumnKind.Json => NpgsqlDbType.Jsonb,
        _ => NpgsqlDbType.Text,
    };

    /// <summary>The SQL type name, for temporary tables.</summary>
    public static string SqlTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Uuid => "uuid",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Integer => "integer",
        ColumnKind.BigInteger => "bigint",
        ColumnKind.Timestamp => "timestamptz",
        ColumnKind.Json => "jsonb",
        _ => "text",
    };

    /// <summary>Npgsql writes timestamptz from a UTC <see cref="DateTime"/>.</summary>
    public static object ToProvider(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset d => d.UtcDateTime,
        _ => value,
    };

    public DbParameter Parameter(string name, ColumnKind kind, object? value) =>
        new NpgsqlParameter(name, TypeOf(kind)) { Value = ToProvider(value) };

    public object? Read(DbDataReader reader, int ordinal, ColumnKind kind)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return kind switch
        {
            ColumnKind.Uuid => reader.GetGuid(ordinal),
            ColumnKind.Boolean => reader.GetBoolean(ordinal),
            ColumnKind.Integer => reader.GetInt32(ordinal),
            ColumnKind.BigInteger => reader.GetInt64(ordinal),
            ColumnKind.Timestamp => ContractValue.Truncate(new DateTimeOffset(reader.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero)),
            _ => reader.GetString(ordinal),
        };
    }

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // "C" sorts by code point, as SQLite's BINARY does; the database's default collation may not.
    public string OrderBy(ColumnSchema column) =>
        column.Kind == ColumnKind.Text ? $"{column.Name} COLLATE \"C\"" : column.Name;
}
