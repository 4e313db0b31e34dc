using System.Data.Common;

namespace VcSync.Storage.Writing;

/// <summary>One sync write in progress: its transaction, and what the steps so far have done.</summary>
internal sealed class SyncWriteContext
{
    public SyncWriteContext(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, SyncWrite write)
    {
        Connection = connection;
        Transaction = transaction;
        Dialect = dialect;
        Write = write;
    }

    public DbConnection Connection { get; }

    /// <summary>The one transaction every step writes in; committed after the last step.</summary>
    public DbTransaction Transaction { get; }

    public ISqlDialect Dialect { get; }

    /// <summary>What is written; the completion of a streamed write adds its activity rows.</summary>
    public SyncWrite Write { get; set; }

    /// <summary>What was done to each synced table so far (all pages summed), by name; a table not read is absent.</summary>
    public Dictionary<string, TableChanges> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The history rows of the changes written since <see cref="RecordChangeHistory"/> last ran (see
    /// <see cref="HistoryRecordingTableWriter"/>).
    /// </summary>
    public List<Changes.ChangeRecord> Changes { get; } = [];

    /// <summary>What <c>inventory_changes.source</c> says wrote them.</summary>
    public string ChangeSource { get; init; } = Storage.Changes.ChangeSource.Sync;

    /// <summary>Adds what a write (of a whole table or of one page) did to a table.</summary>
    public void Add(string table, TableChanges changes) =>
        Tables[table] = Tables.TryGetValue(table, out var sum)
            ? new TableChanges(sum.New + changes.New, sum.Updated + changes.Updated, sum.Deleted + changes.Deleted, sum.Unchanged + changes.Unchanged)
            : changes;

    /// <summary>History rows inserted so far.</summary>
    public int HistoryRows { get; set; }

    /// <summary>Servers linked by this write; 0 until the linking step ran.</summary>
    public int AutoLinked { get; set; }

    /// <summary>This vCenter's hosts whose serial is shared; 0 until the linking step ran.</summary>
    public int Ambiguous { get; set; }
}
