using System.Data.Common;

namespace VcSync.Storage;

/// <summary>What the stores' add-on features (jobs, passwords) need from the store they extend: its connections and dialect.</summary>
internal interface ISqlConnectionSource
{
    /// <summary>What differs between the databases.</summary>
    ISqlDialect Dialect { get; }

    /// <summary>An open connection with the store's settings.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
