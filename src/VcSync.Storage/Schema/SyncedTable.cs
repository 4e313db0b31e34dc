namespace VcSync.Storage.Schema;

/// <summary>
/// An inventory table the sync writes: keyed by (<c>source_vcenter_id</c>, <see cref="KeyColumn"/>), with a surrogate
/// <c>id</c>, <c>first_seen_at</c> and <c>last_sync_at</c> managed by the store, and <see cref="Columns"/> read from
/// the records. Columns of <see cref="Table"/> that are in neither (e.g. <c>vcenter_hosts.server_id</c>) belong to
/// someone else and a sync never writes them.
/// </summary>
/// <typeparam name="TRecord">The inventory record type.</typeparam>
internal sealed class SyncedTable<TRecord>
{
    private readonly Func<TRecord, string> _keyOf;

    public SyncedTable(
        string name,
        string keyColumn,
        Func<TRecord, string> keyOf,
        IReadOnlyList<SyncedColumn<TRecord>> columns,
        IReadOnlyList<ColumnSchema> otherColumns,
        IReadOnlyList<string> orderBy)
    {
        _keyOf = keyOf;
        KeyColumn = keyColumn;
        Columns = columns;
        List<ColumnSchema> all =
        [
            new("id", ColumnKind.Uuid, IsNullable: false),
            new("source_vcenter_id", ColumnKind.Uuid, IsNullable: false),
            new(keyColumn, ColumnKind.Text, IsNullable: false),
            .. columns.Select(c => c.Column),
            .. otherColumns,
            new("first_seen_at", ColumnKind.Timestamp, IsNullable: false),
            new("last_sync_at", ColumnKind.Timestamp, IsNullable: false),
        ];
        Table = new TableSchema(name, all, "source_vcenter_id", ["source_vcenter_id", .. orderBy]);
    }

    /// <summary>The contract table.</summary>
    public TableSchema Table { get; }

    public string Name => Table.Name;

    /// <summary><c>moref</c>, or <c>alarm_key</c> for alarms.</summary>
    public string KeyColumn { get; }

    /// <summary>The columns read from the records, the key excluded.</summary>
    public IReadOnlyList<SyncedColumn<TRecord>> Columns { get; }

    /// <summary>The record's key. A null key is passed on as is so the database's NOT NULL rejects it.</summary>
    public string KeyOf(TRecord record) => _keyOf(record);

    /// <summary>The record's values of <see cref="Columns"/>, in order, as the contract stores them.</summary>
    public object?[] ValuesOf(TRecord record)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].Read(record);
        }

        return values;
    }
}
