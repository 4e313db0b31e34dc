using System.Data.Common;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Export;

/// <summary>
/// The rows of one export query, one at a time from the open <see cref="DbDataReader"/>: values have the .NET type of
/// their <see cref="ColumnKind"/>, SQL NULL is null.
/// </summary>
public sealed class ExportRowReader : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly ISqlDialect _dialect;
    private readonly ColumnKind[] _kinds;

    internal ExportRowReader(DbCommand command, DbDataReader reader, ISqlDialect dialect, ColumnKind[] kinds)
    {
        _command = command;
        _reader = reader;
        _dialect = dialect;
        _kinds = kinds;
    }

    /// <summary>The number of columns, as asked for.</summary>
    public int FieldCount => _kinds.Length;

    /// <summary>Moves to the next row; false after the last.</summary>
    public Task<bool> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    /// <summary>The value of column <paramref name="ordinal"/> of the current row; null for SQL NULL.</summary>
    public object? GetValue(int ordinal) => _dialect.Read(_reader, ordinal, _kinds[ordinal]);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _command.DisposeAsync();
    }
}
