using System.Data.Common;

namespace VcSync.Storage;

/// <summary>What the stores' add-on features (jobs, passwords) need from the store they extend: its connections and dialect.</summary>
internal interface ISqlConnectionSource
{
    /// <summary>How values travel in and out.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>Whether this is PostgreSQL (row locks with SKIP LOCKED, advisory locks) rather than SQLite.</summary>
    bool IsPostgres { get; }

    /// <summary>An open connection with the store's settings.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
