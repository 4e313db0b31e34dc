using VcSync.Inventory.Records;
using VcSync.Storage.Writing;

namespace VcSync.Storage.Schema;

/// <summary>
/// An inventory table the sync writes, described once for both stores. A row is identified by
/// (<c>source_vcenter_id</c>, <see cref="Keys"/>); <see cref="Columns"/> are compared to detect a change. When
/// <see cref="HasIdentity"/>, the store also manages a surrogate <c>id</c>, <c>first_seen_at</c> and
/// <c>last_sync_at</c>. Columns in neither list (e.g. <c>vcenter_hosts.server_id</c>) belong to someone else and a sync
/// never writes them.
/// </summary>
/// <remarks>
/// A new synced table (a per-VM child table such as NICs or disks included) is one more instance in
/// <see cref="SyncedTables.All"/> plus its migration: the stores generate every statement from this description. The
/// table needs a unique constraint on (<c>source_vcenter_id</c>, keys...), which PostgreSQL's upsert targets.
/// </remarks>
/// <typeparam name="TRecord">The inventory record type.</typeparam>
internal sealed class SyncedTable<TRecord> : ISyncedTable
{
    private readonly Func<InventorySnapshot, IReadOnlyList<TRecord>?> _recordsOf;

    /// <param name="name">The table.</param>
    /// <param name="recordsOf">The snapshot's records for the table; null when the sync did not read them (the table is left alone).</param>
    /// <param name="keys">The columns that, with <c>source_vcenter_id</c>, identify a row; never null.</param>
    /// <param name="columns">The columns read from the records and compared for change detection, keys excluded.</param>
    /// <param name="otherColumns">Contract columns the sync never writes.</param>
    /// <param name="orderBy">How listings sort one vCenter's rows.</param>
    /// <param name="hasIdentity">Whether rows carry <c>id</c>, <c>first_seen_at</c> and <c>last_sync_at</c>.</param>
    /// <param name="collapseDuplicates">Whether two records with one key are one row (a relationship listed twice) rather than an error.</param>
    /// <param name="laterColumns">
    /// Compared columns added to the table by a later migration (<c>ALTER TABLE ... ADD COLUMN</c>), which puts them
    /// after <c>last_sync_at</c>.
    /// </param>
    public SyncedTable(
        string name,
        Func<InventorySnapshot, IReadOnlyList<TRecord>?> recordsOf,
        IReadOnlyList<SyncedColumn<TRecord>> keys,
        IReadOnlyList<SyncedColumn<TRecord>> columns,
        IReadOnlyList<ColumnSchema> otherColumns,
        IReadOnlyList<string> orderBy,
        bool hasIdentity = true,
        bool collapseDuplicates = false,
        IReadOnlyList<SyncedColumn<TRecord>>? laterColumns = null)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException($"{name} needs a key column.", nameof(keys));
        }

        _recordsOf = recordsOf;
        Keys = keys;
        Columns = laterColumns is null ? columns : [.. columns, .. laterColumns];
        HasIdentity = hasIdentity;
        CollapseDuplicates = collapseDuplicates;
        List<ColumnSchema> all = [];
        if (hasIdentity)
        {
            all.Add(new("id", ColumnKind.Uuid, IsNullable: false));
        }

        all.Add(new("source_vcenter_id", ColumnKind.Uuid, IsNullable: false));
        all.AddRange(keys.Select(k => k.Column with { IsNullable = false }));
        all.AddRange(columns.Select(c => c.Column));
        all.AddRange(otherColumns);
        if (hasIdentity)
        {
            all.Add(new("first_seen_at", ColumnKind.Timestamp, IsNullable: false));
            all.Add(new("last_sync_at", ColumnKind.Timestamp, IsNullable: false));
        }

        all.AddRange((laterColumns ?? []).Select(c => c.Column));

        Table = new TableSchema(name, all, "source_vcenter_id", ["source_vcenter_id", .. orderBy]);
    }

    /// <inheritdoc />
    public TableSchema Table { get; }

    /// <inheritdoc />
    public string Name => Table.Name;

    /// <summary>The key columns: <c>moref</c>, <c>alarm_key</c>, or several for a child or relationship table.</summary>
    public IReadOnlyList<SyncedColumn<TRecord>> Keys { get; }

    /// <summary>The columns read from the records and compared, the keys excluded.</summary>
    public IReadOnlyList<SyncedColumn<TRecord>> Columns { get; }

    /// <summary>Whether rows carry a surrogate <c>id</c>, <c>first_seen_at</c> and <c>last_sync_at</c>.</summary>
    public bool HasIdentity { get; }

    /// <summary>Whether records repeating a key are written once rather than refused.</summary>
    public bool CollapseDuplicates { get; }

    /// <summary>The record's key values as the contract stores them.</summary>
    /// <exception cref="ArgumentException">A key value is null.</exception>
    public object[] KeyOf(TRecord record)
    {
        var values = new object[Keys.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Keys[i].Read(record)
                ?? throw new ArgumentException($"A record for {Name} has no {Keys[i].Name}.", nameof(record));
        }

        return values;
    }

    /// <inheritdoc />
    public string FirstKey => Keys[0].Name;

    /// <inheritdoc />
    public Task<TableWrite?> WriteAsync(ISyncTableWriter writer, InventorySnapshot snapshot, CancellationToken cancellationToken) =>
        WriteAsync(writer, snapshot, null, cancellationToken);

    /// <inheritdoc />
    public async Task<TableWrite?> WriteAsync(
        ISyncTableWriter writer, InventorySnapshot snapshot, IReadOnlyCollection<string>? parents, CancellationToken cancellationToken) =>
        _recordsOf(snapshot) is { } records ? await writer.WriteAsync(this, records, parents, cancellationToken) : null;

    /// <inheritdoc />
    public Task<TableWrite> DeleteAsync(ISyncTableWriter writer, IReadOnlyCollection<string> parents, CancellationToken cancellationToken) =>
        writer.WriteAsync(this, [], parents, cancellationToken);
}
