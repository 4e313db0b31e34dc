using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using VcSync.Storage.Schema;
using VcSync.Storage.Writing;

namespace VcSync.Storage.Sqlite;

/// <summary>
/// SQLite: contract values with UUIDs as lower-case TEXT, booleans as 0/1, timestamps as ISO-8601 TEXT; synced tables
/// written by prepared statements per changed row. A transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default),
/// so it holds the database's one write lock from its start: no advisory or row locks are needed.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public string Name => "Sqlite";

    // As DbUp created it, so databases it migrated keep their journal.
    public string CreateJournalSql =>
        "CREATE TABLE IF NOT EXISTS schema_versions (SchemaVersionID INTEGER CONSTRAINT PK_schema_versions " +
        "PRIMARY KEY AUTOINCREMENT NOT NULL, ScriptName TEXT NOT NULL, Applied DATETIME NOT NULL)";

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

    /// <summary>The contract value of a stored one: what <see cref="Read"/> gives for it.</summary>
    public static object? FromStored(ColumnKind kind, object stored) => stored is DBNull
        ? null
        : kind switch
        {
            ColumnKind.Uuid => Guid.Parse(AsText(stored)),
            ColumnKind.Boolean => AsInteger(stored) != 0,
            ColumnKind.Integer => checked((int)AsInteger(stored)),
            ColumnKind.BigInteger => AsInteger(stored),
            ColumnKind.Timestamp => ContractValue.ParseTimestamp(AsText(stored)),
            _ => AsText(stored),
        };

    // As SQLite converts a value of another type (sqlite3_column_int64, sqlite3_column_text), for values not written by a sync.
    private static long AsInteger(object stored) => stored switch
    {
        long l => l,
        double d => (long)d,
        string s => long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : 0,
        _ => 0,
    };

    private static string AsText(object stored) => stored as string ?? Convert.ToString(stored, System.Globalization.CultureInfo.InvariantCulture)!;

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

    // SQLITE_ERROR with SQLite's own wording: there is no error code of its own.
    public bool IsMissingTable(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 1 } e && e.Message.Contains("no such table", StringComparison.Ordinal);

    public string SkipLockedClause(string alias) => string.Empty;

    public string RowLockClause => string.Empty;

    public string KeyShareClause => string.Empty;

    // SQLite finds a named parameter by a linear search of the statement's names, so a list of p costs O(p²) to bind.
    public int KeysPerCondition => 500;

    public string KeyIn(string column, IReadOnlyList<string> keys, List<DbParameter> parameters)
    {
        var sql = new StringBuilder(column).Append(" IN (");
        for (var i = 0; i < keys.Count; i++)
        {
            var name = "k" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "@" : ", @").Append(name);
            parameters.Add(Parameter(name, ColumnKind.Text, keys[i]));
        }

        return sql.Append(')').ToString();
    }

    public Task LockAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    // Each script runs in a transaction that holds the write lock and checks the journal first (see MigrationRunner).
    public Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    // WAL is a property of the file: set once, every later connection gets it. Readers then never wait for a write.
    public async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(null, "PRAGMA journal_mode = WAL", cancellationToken);

    // A page cache of 8 MB (the default is 2 MB). A full sync writes its VMs a page at a time, each page's rows
    // close together in the indexes, so it needs no cache of the whole vCenter: 64 MB (before the streamed write)
    // was a third of the sync's peak RSS at 45,000 VMs, and the pages it no longer holds are in the OS's cache.
    public async Task PrepareSyncWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(null, "PRAGMA cache_size = -8192", cancellationToken);

    // group_concat(... ORDER BY ...) needs SQLite 3.44, newer than Debian 12's 3.40 that the native executable links;
    // an aggregate over an ordered subquery takes its rows in that order on every version.
    public string OrderedTextList(string column, string fromWhere, string separator) =>
        $"(SELECT group_concat(item, '{separator}') FROM (SELECT {column} AS item FROM {fromWhere} ORDER BY {column}))";

    // A deferred transaction takes no write lock, so syncs go on while the reader keeps its snapshot (WAL).
    // The page cache of a sync's writes too: an export reads the VMs and their child rows once per sheet, in name order.
    public async Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(null, "PRAGMA cache_size = -65536", cancellationToken);
        return ((SqliteConnection)connection).BeginTransaction(deferred: true);
    }

    public string ScanInIndexOrder(string table, string alias, string index) => $"{table} {alias} INDEXED BY {index}";

    public string JoinKeepingOrder => "CROSS JOIN";

    // group_concat(... ORDER BY ...) needs SQLite 3.44; an aggregate over an ordered subquery takes its rows in that order.
    public string ListInOrder(string value, string orderBy, string fromWhere, int limit, string separator) =>
        $"(SELECT group_concat(item, {separator}) FROM (SELECT {value} AS item FROM {fromWhere} ORDER BY {orderBy} LIMIT {limit}))";

    public ISyncTableWriter TableWriter(DbConnection connection, DbTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt) =>
        new SqliteTableWriter((SqliteConnection)connection, (SqliteTransaction)transaction, vcenterId, syncedAt);

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
