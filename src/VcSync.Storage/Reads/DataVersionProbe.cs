using System.Data.Common;
using System.Globalization;

namespace VcSync.Storage.Reads;

/// <summary>
/// A token that changes whenever anything was committed to the database: equal tokens read before two queries mean both
/// saw the same data, so a result computed after the first token is still right at the second. SQLite: <c>PRAGMA
/// data_version</c> on a connection of its own that never writes (it changes on every commit by any other connection).
/// PostgreSQL: the current snapshot (<c>xmin:xmax:in-progress</c>), equal only when no transaction ended in between.
/// </summary>
internal sealed class DataVersionProbe : IAsyncDisposable
{
    private readonly ISqlConnectionSource _source;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DbConnection? _own;

    public DataVersionProbe(ISqlConnectionSource source)
    {
        _source = source;
    }

    private bool IsPostgres => _source.Dialect is Postgres.PostgresDialect;

    /// <summary>The token, read on <paramref name="connection"/> (PostgreSQL) or on the probe's own connection (SQLite).</summary>
    public async Task<string> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_current_snapshot()::text";
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            _own ??= await _source.OpenConnectionAsync(cancellationToken);
            await using var command = _own.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)!;
        }
        catch
        {
            // A broken connection is replaced on the next read.
            if (_own is not null)
            {
                await _own.DisposeAsync();
                _own = null;
            }

            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }

        _turn.Dispose();
    }
}
