using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace VcSync.Storage.Postgres;

/// <summary>
/// The inventory in a PostgreSQL database, through one pooled <see cref="NpgsqlDataSource"/>. Sync writes stream the
/// snapshot with binary COPY and upsert it set-wise; see <see cref="PostgresTableWriter"/>.
/// </summary>
public sealed class PostgresInventoryStore : SqlInventoryStore
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>A store on the database <paramref name="connectionString"/> names.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Database=...</c>) or a <c>postgres://</c> URI.</param>
    /// <param name="loggerFactory">Where to log; nowhere when null.</param>
    public PostgresInventoryStore(string connectionString, ILoggerFactory? loggerFactory = null)
        : base(PostgresDialect.Instance, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresInventoryStore>())
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        // The slim builder: only the types the contract uses (text, jsonb as text, numbers, uuid, timestamptz), nothing
        // resolved by reflection, so the native build links less and warns nothing.
        var builder = new NpgsqlSlimDataSourceBuilder(PostgresConnectionStrings.Normalize(connectionString));
        // text[]: a page of a streamed sync names its VMs in one parameter (`= ANY(@parents)`, an index lookup each).
        builder.EnableArrays();
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        _dataSource = builder.Build();
    }

    private protected override string DatabaseName => "the PostgreSQL database";

    /// <summary>Closes the pooled connections.</summary>
    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>An open connection from this store's pool; for tests and tools.</summary>
    internal ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);
}
