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

    public SyncWrite Write { get; }

    /// <summary>Each synced table written so far, by name; a table the snapshot did not include is absent.</summary>
    public Dictionary<string, TableWrite> Tables { get; } = new(StringComparer.Ordinal);

    /// <summary>The history rows of the changes written so far (see <see cref="HistoryRecordingTableWriter"/>).</summary>
    public List<Changes.ChangeRecord> Changes { get; } = [];

    /// <summary>What <c>inventory_changes.source</c> says wrote them.</summary>
    public string ChangeSource { get; init; } = Storage.Changes.ChangeSource.Sync;

    /// <summary>History rows inserted; 0 until the history step ran.</summary>
    public int HistoryRows { get; set; }

    /// <summary>Servers linked by this write; 0 until the linking step ran.</summary>
    public int AutoLinked { get; set; }

    /// <summary>This vCenter's hosts whose serial is shared; 0 until the linking step ran.</summary>
    public int Ambiguous { get; set; }
}
