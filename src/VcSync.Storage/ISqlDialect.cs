using System.Data.Common;
using VcSync.Storage.Schema;
using VcSync.Storage.Writing;

namespace VcSync.Storage;

/// <summary>
/// Everything that differs between SQLite and PostgreSQL for the code the stores share: how values travel, how a
/// synced table is written, locking, and what migrations need. Shared code asks the dialect rather than testing which
/// database it is on.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>The folder of the dialect's migration scripts under <c>Migrations/</c>: <c>Sqlite</c> or <c>Postgres</c>.</summary>
    string Name { get; }

    /// <summary>A parameter carrying a contract value (see <see cref="ContractValue"/>) in the store's type.</summary>
    DbParameter Parameter(string name, ColumnKind kind, object? value);

    /// <summary>Reads a column as a contract value: the same .NET type and value from every store.</summary>
    object? Read(DbDataReader reader, int ordinal, ColumnKind kind);

    /// <summary>Whether the error is a UNIQUE constraint refusing a row.</summary>
    bool IsUniqueViolation(DbException exception);

    /// <summary>Whether the error says the table does not exist.</summary>
    bool IsMissingTable(DbException exception);

    /// <summary>An ORDER BY term that sorts text by code point, as SQLite's BINARY collation does.</summary>
    string OrderBy(ColumnSchema column);

    /// <summary>
    /// What a claim's <c>SELECT ... LIMIT 1</c> appends to lock the row it picks and skip rows others hold, for the
    /// table alias <paramref name="alias"/>; empty where the transaction already holds the whole database.
    /// </summary>
    string SkipLockedClause(string alias);

    /// <summary>What a <c>SELECT</c> appends to lock the rows it reads until the transaction ends; empty where the transaction already holds the whole database.</summary>
    string RowLockClause { get; }

    /// <summary>
    /// What a <c>SELECT</c> appends so the rows it reads can be neither deleted nor given another key until the
    /// transaction ends (the lock a foreign key check takes), while other updates of them go on; empty where the
    /// transaction already holds the whole database.
    /// </summary>
    string KeyShareClause { get; }

    /// <summary>The most keys one <see cref="KeyIn"/> condition should hold.</summary>
    int KeysPerCondition { get; }

    /// <summary>
    /// A condition that the text <paramref name="column"/> is one of <paramref name="keys"/>, adding the parameters it
    /// binds to <paramref name="parameters"/>.
    /// </summary>
    string KeyIn(string column, IReadOnlyList<string> keys, List<DbParameter> parameters);

    /// <summary>Takes the advisory lock <paramref name="key"/> (see <see cref="Postgres.AdvisoryLockKeys"/>) until the transaction ends; nothing where the write lock suffices.</summary>
    Task LockAsync(DbConnection connection, DbTransaction transaction, long key, CancellationToken cancellationToken);

    /// <summary>Holds the migration lock on the connection until the result is disposed.</summary>
    Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Settings of the database itself, set before migrations run (SQLite's WAL journal).</summary>
    Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Creates the migration journal table unless it exists.</summary>
    string CreateJournalSql { get; }

    /// <summary>
    /// A scalar subquery that joins <paramref name="column"/>'s values over <paramref name="fromWhere"/> (a FROM clause and
    /// its WHERE, without the keyword FROM), sorted by code point, with <paramref name="separator"/>; NULL when no row matches.
    /// </summary>
    string OrderedTextList(string column, string fromWhere, string separator);

    /// <summary>A read-only transaction that sees one snapshot of the database throughout and blocks no sync.</summary>
    Task<DbTransaction> BeginSnapshotReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Settings of the connection a sync write uses, set before its transaction begins.</summary>
    Task PrepareSyncWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="table"/> under <paramref name="alias"/>, read in the order of <paramref name="index"/> where the
    /// planner would otherwise sort a whole table (an export's rows in name order: SQLite's INDEXED BY).
    /// </summary>
    string ScanInIndexOrder(string table, string alias, string index);

    /// <summary>The inner join that keeps its left table the outer loop, so rows come in that table's order (SQLite's CROSS JOIN).</summary>
    string JoinKeepingOrder { get; }

    /// <summary>
    /// A scalar subquery that joins the first <paramref name="limit"/> values of <paramref name="value"/> over
    /// <paramref name="fromWhere"/> (a FROM clause and its WHERE, without the keyword FROM), in the order of
    /// <paramref name="orderBy"/>, with <paramref name="separator"/> (an SQL expression); NULL when no row matches.
    /// </summary>
    string ListInOrder(string value, string orderBy, string fromWhere, int limit, string separator);

    /// <summary>The writer of synced tables for one sync write.</summary>
    ISyncTableWriter TableWriter(DbConnection connection, DbTransaction transaction, Guid vcenterId, DateTimeOffset syncedAt);
}
