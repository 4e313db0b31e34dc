using System.Data.Common;
using Microsoft.Extensions.Logging;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Migrations;

/// <summary>
/// Brings a database's schema up to date from the embedded scripts. A database that is up to date costs one read of
/// the journal; only when scripts are missing does the runner take the migration lock and run each missing script in a
/// transaction of its own, together with its journal row, so a failed script leaves the database at the last good
/// version. Each script's transaction checks the journal again, so processes starting together run it once.
/// </summary>
internal sealed class MigrationRunner
{
    private readonly ISqlDialect _dialect;
    private readonly ILogger _logger;

    public MigrationRunner(ISqlDialect dialect, ILogger logger)
    {
        _dialect = dialect;
        _logger = logger;
    }

    /// <summary>Runs the scripts the database lacks; their names, none when it was up to date.</summary>
    /// <param name="connection">An open connection to the database.</param>
    /// <param name="database">How to name the database in an error.</param>
    /// <param name="cancellationToken">Cancels before the next script.</param>
    public async Task<IReadOnlyList<string>> RunAsync(DbConnection connection, string database, CancellationToken cancellationToken)
    {
        var scripts = MigrationScripts.Of(_dialect.Name);
        var applied = await ReadJournalAsync(connection, null, cancellationToken);
        if (scripts.All(s => applied.Contains(s.Name)))
        {
            return [];
        }

        var ran = new List<string>();
        await using (await _dialect.LockMigrationsAsync(connection, cancellationToken))
        {
            await _dialect.PrepareDatabaseAsync(connection, cancellationToken);
            await connection.ExecuteAsync(null, _dialect.CreateJournalSql, cancellationToken);
            foreach (var script in scripts.Where(s => !applied.Contains(s.Name)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                if ((await ReadJournalAsync(connection, transaction, cancellationToken)).Contains(script.Name))
                {
                    continue;
                }

                try
                {
                    await using (var command = connection.Command(transaction, script.Sql))
                    {
                        command.CommandTimeout = 0;
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await connection.ExecuteAsync(
                        transaction,
                        $"INSERT INTO {MigrationScripts.JournalTable} (scriptname, applied) VALUES (@name, CURRENT_TIMESTAMP)",
                        cancellationToken,
                        _dialect.Parameter("name", ColumnKind.Text, script.Name));
                    await transaction.CommitAsync(cancellationToken);
                }
                catch (DbException exception)
                {
                    throw new InvalidOperationException($"Migrating {database} failed at {script.Name}: {exception.Message}", exception);
                }

                ran.Add(script.Name);
            }
        }

        if (ran.Count > 0)
        {
            _logger.LogInformation("Migrated {Database}: {Scripts}", database, string.Join(", ", ran));
        }

        return ran;
    }

    /// <summary>The scripts the journal lists; none when there is no journal yet (a new database).</summary>
    private async Task<HashSet<string>> ReadJournalAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        try
        {
            var names = await connection.QueryAsync(
                transaction, $"SELECT scriptname FROM {MigrationScripts.JournalTable}", r => r.GetString(0), cancellationToken);
            return new HashSet<string>(names, StringComparer.Ordinal);
        }
        catch (DbException exception) when (transaction is null && _dialect.IsMissingTable(exception))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
