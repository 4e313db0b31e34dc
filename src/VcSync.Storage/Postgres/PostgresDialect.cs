using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using VcSync.Storage.Schema;
using VcSync.Storage.Writing;

namespace VcSync.Storage.Postgres;

/// <summary>
/// PostgreSQL: contract values as uuid, boolean, integer, bigint, timestamptz and jsonb; synced tables written by
/// binary COPY and set-wise upserts; advisory locks and <c>FOR UPDATE SKIP LOCKED</c> between processes.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    public string Name => "Postgres";

    public string CreateJournalSql =>
        "CREATE TABLE IF NOT EXISTS schema_versions (schemaversionsid serial NOT NULL, " +
        "scriptname character varying(255) NOT NULL, applied timestamp without time zone NOT NULL, " +
        "CONSTRAINT pk_schema_versions_id PRIMARY KEY (schemaversionsid))";

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

    public bool IsMissingTable(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable };

    public string SkipLockedClause(string alias) => $" FOR UPDATE OF {alias} SKIP LOCKED";

    public string RowLockClause => " FOR UPDATE";

    public string KeyShareClause => " FOR KEY SHARE";

    // One array parameter, however many keys: the statement's text stays the same, and parsing it costs nothing per key.
    public int KeysPerCondition => int.MaxValue;

    public string KeyIn(string column, IReadOnlyList<string> keys, List<DbParameter> parameters)
    {
        parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.ToArray() });
        return column + " = ANY(@keys)";
    }

    public Task LockAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, Parameter("key", ColumnKind.BigInteger, key));

    public async Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            null, "SELECT pg_advisory_lock(@key)", cancellationToken, Parameter("key", ColumnKind.BigInteger, AdvisoryLockKeys.Migration));
        return new MigrationLock(connection);
    }

    public Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PrepareSyncWriteAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public string OrderedTextList(string column, string fromWhere, string separator) =>
        $"(SELECT string_agg({column}, '{separator}' ORDER BY {column} COLLATE \"C\") FROM {fromWhere})";

    public async Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    public string ScanInIndexOrder(string table, string alias, string index) => $"{table} {alias}";

    public string JoinKeepingOrder => "JOIN";

    public string ListInOrder(string value, string orderBy, string fromWhere, int limit, string separator) =>
        $"(SELECT string_agg(item, {separator} ORDER BY position) FROM (SELECT {value} AS item, {orderBy} AS position FROM {fromWhere} ORDER BY {orderBy} LIMIT {limit}) items)";

    public ISyncTableWriter TableWriter(DbConnection connection, DbTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt) =>
        new PostgresTableWriter((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, vcenterId, syncedAt);

    private sealed class MigrationLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await connection.ExecuteAsync(
                null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None,
                Instance.Parameter("key", ColumnKind.BigInteger, AdvisoryLockKeys.Migration));
    }
}
