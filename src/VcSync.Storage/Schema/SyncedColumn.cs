namespace VcSync.Storage.Schema;

/// <summary>A contract column a sync writes, and how its value is read from a record.</summary>
/// <typeparam name="TRecord">The inventory record type.</typeparam>
internal sealed class SyncedColumn<TRecord>
{
    private readonly Func<TRecord, object?> _read;

    public SyncedColumn(ColumnSchema column, Func<TRecord, object?> read)
    {
        Column = column;
        _read = read;
    }

    public ColumnSchema Column { get; }

    public string Name => Column.Name;

    public ColumnKind Kind => Column.Kind;

    /// <summary>The record's value as the contract stores it (see <see cref="ContractValue.Normalize"/>).</summary>
    public object? Read(TRecord record) => ContractValue.Normalize(Column, _read(record));
}
