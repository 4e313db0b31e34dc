using VcSync.Inventory.Records;
using VcSync.Storage.Cursors;
using VcSync.Storage.Schema;

namespace VcSync.Storage.Writing;

/// <summary>
/// One full sync's write, open from <see cref="SyncWriter.BeginAsync"/> to <c>CompleteAsync</c>: the tables before
/// the VMs were written whole; each page of VMs is written against the rows of its own VMs only (the dialect's table
/// writer, with the history), and only the keys of the VMs seen are remembered, so that after the last page the VMs no
/// page held, and their child rows, are deleted. Disposing it uncommitted rolls it all back.
/// </summary>
internal sealed class SyncWriteSession : ISyncWriteSession
{
    private readonly IReadOnlyList<ISyncWriteStep> _after;
    private readonly ISyncTableWriter _writer;
    private readonly RecordChangeHistory _history = new();

    // The VMs written so far, and which page tables a page held (the others were not read, and are left alone).
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<ISyncedTable> _read = [];
    private bool _done;

    public SyncWriteSession(SyncWriteContext context, IReadOnlyList<ISyncWriteStep> after)
    {
        Context = context;
        _after = after;
        var write = context.Write;
        _writer = new HistoryRecordingTableWriter(
            context.Dialect.TableWriter(context.Connection, context.Transaction, write.VCenterId, write.SyncedAt), context);
    }

    public SyncWriteContext Context { get; }

    /// <summary>Writes these tables of the snapshot whole (full-sync semantics: rows absent from it are deleted).</summary>
    public async Task WriteWholeAsync(IReadOnlyList<ISyncedTable> tables, InventorySnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            if (await table.WriteAsync(_writer, snapshot, cancellationToken) is { } written)
            {
                Context.Add(table.Name, written.Counts);
            }
        }

        await _history.RunAsync(Context, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteVmsAsync(InventorySnapshot page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ObjectDisposedException.ThrowIf(_done, this);
        // A VM that came again (vCenter does not do it within one retrieval) is among this page's parents too, so its
        // rows are compared with the earlier page's and it keeps its last content.
        var parents = new HashSet<string>(page.Vms.Count, StringComparer.Ordinal);
        foreach (var vm in page.Vms)
        {
            if (vm.Moref is { } moref && parents.Add(moref))
            {
                _seen.Add(moref);
            }
        }

        foreach (var table in SyncedTables.VmPages)
        {
            if (await table.WriteAsync(_writer, page, parents, cancellationToken) is { } written)
            {
                _read.Add(table);
                Context.Add(table.Name, written.Counts);
            }
        }

        await _history.RunAsync(Context, cancellationToken);
    }

    /// <inheritdoc />
    public Task<InventoryWriteResult> CompleteAsync(
        IReadOnlyList<AlarmRecord>? alarms, IReadOnlyList<ActivityRecord> activities, CancellationToken cancellationToken) =>
        CompleteAsync(alarms, activities, Context.Write.Cursor, cancellationToken);

    /// <inheritdoc />
    public async Task<InventoryWriteResult> CompleteAsync(
        IReadOnlyList<AlarmRecord>? alarms, IReadOnlyList<ActivityRecord> activities, SyncCursor? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ObjectDisposedException.ThrowIf(_done, this);
        var scope = Context.Write.ChangedVmsOnly;
        foreach (var table in SyncedTables.VmPages)
        {
            if (scope is not null)
            {
                if (scope.Gone.Count > 0)
                {
                    Context.Add(table.Name, (await table.DeleteAsync(_writer, scope.Gone, cancellationToken)).Counts);
                }
            }
            else if (_read.Contains(table))
            {
                var gone = await GoneAsync(table, cancellationToken);
                if (gone.Count > 0)
                {
                    Context.Add(table.Name, (await table.DeleteAsync(_writer, gone, cancellationToken)).Counts);
                }
            }
        }

        var last = new InventorySnapshot { Clusters = [], Hosts = [], Vms = [], Datastores = [], DatastoreHosts = [], Networks = [], Alarms = alarms };
        await WriteWholeAsync(SyncedTables.AfterVms, last, cancellationToken);
        if (scope is not null)
        {
            await CountRowsLeftAloneAsync(cancellationToken);
        }

        Context.Write = Context.Write with { Activities = activities, Cursor = cursor };
        foreach (var step in _after)
        {
            await step.RunAsync(Context, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await Context.Transaction.CommitAsync(cancellationToken);
        _done = true;
        return new InventoryWriteResult
        {
            Tables = SyncedTables.All.ToDictionary(
                t => t.Name, t => Context.Tables.TryGetValue(t.Name, out var written) ? written : TableChanges.None, StringComparer.Ordinal),
            AutoLinked = Context.AutoLinked,
            Ambiguous = Context.Ambiguous,
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _done = true;
        // Disposing an uncommitted transaction rolls it back.
        await Context.Transaction.DisposeAsync();
        await Context.Connection.DisposeAsync();
    }

    // A partial write compared only the changed VMs' rows: the vCenter's other rows are unchanged, as a full sync would count them.
    private async Task CountRowsLeftAloneAsync(CancellationToken cancellationToken)
    {
        foreach (var table in SyncedTables.VmPages)
        {
            var rows = await VCenterRows.CountAsync(
                Context.Connection, Context.Transaction, Context.Dialect, table.Name, Context.Write.VCenterId, cancellationToken);
            var counts = Context.Tables.GetValueOrDefault(table.Name) ?? TableChanges.None;
            Context.Tables[table.Name] = counts with { Unchanged = rows - counts.New - counts.Updated };
        }
    }

    // The VMs (the parents of the table's rows) that the vCenter's rows name and no page held.
    private async Task<List<string>> GoneAsync(ISyncedTable table, CancellationToken cancellationToken)
    {
        var gone = new List<string>();
        await using var command = Context.Connection.Command(
            Context.Transaction,
            $"SELECT DISTINCT {table.FirstKey} FROM {table.Name} WHERE source_vcenter_id = @vcenter",
            Context.Dialect.Parameter("vcenter", ColumnKind.Uuid, Context.Write.VCenterId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var parent = (string)Context.Dialect.Read(reader, 0, ColumnKind.Text)!;
            if (!_seen.Contains(parent))
            {
                gone.Add(parent);
            }
        }

        return gone;
    }
}
