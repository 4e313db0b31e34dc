using VcSync.Storage.Schema;

namespace VcSync.Storage.Changes;

/// <summary>Turns an old row and a new record of a synced table into history rows.</summary>
internal static class ChangeComparer
{
    /// <summary>The history of a row that went.</summary>
    public static void Deleted<TRecord>(SyncedTable<TRecord> table, string key, object?[] oldValues, List<ChangeRecord> into) =>
        into.Add(new(ChangeValues.ObjectType(table.Name), key, Name(oldValues, NameIndex(table)), ChangeKind.Deleted, null, null, null));

    /// <summary>The history of a record: created when there was no old row, else one row per changed column.</summary>
    /// <returns>The indexes of the changed columns (empty when created or unchanged).</returns>
    public static List<int> Compare<TRecord>(
        SyncedTable<TRecord> table, string key, object?[]? oldValues, TRecord record, List<ChangeRecord>? into)
    {
        var type = ChangeValues.ObjectType(table.Name);
        var nameIndex = NameIndex(table);
        var changed = new List<int>();
        var newValues = new object?[table.Columns.Count];
        for (var i = 0; i < newValues.Length; i++)
        {
            newValues[i] = table.Columns[i].Read(record);
        }

        if (oldValues is null)
        {
            into?.Add(new(type, key, Name(newValues, nameIndex), ChangeKind.Created, null, null, null));
            return changed;
        }

        for (var i = 0; i < newValues.Length; i++)
        {
            if (!Equals(oldValues[i], newValues[i]))
            {
                changed.Add(i);
                into?.Add(new(
                    type, key, Name(newValues, nameIndex), ChangeKind.Updated, table.Columns[i].Name,
                    ChangeValues.Format(oldValues[i]), ChangeValues.Format(newValues[i])));
            }
        }

        return changed;
    }

    /// <summary>Whether the table's rows are objects the history follows: one key column, a surrogate id.</summary>
    public static bool Follows<TRecord>(SyncedTable<TRecord> table) => table.HasIdentity && table.Keys.Count == 1;

    private static int NameIndex<TRecord>(SyncedTable<TRecord> table)
    {
        var name = ChangeValues.NameColumn(table.Table);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Name(object?[] values, int index) => index >= 0 ? values[index] as string : null;
}
