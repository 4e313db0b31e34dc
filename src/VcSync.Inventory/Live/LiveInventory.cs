using VcSync.Inventory.Records;
using VcSync.Vim.PropertyCollector;
using VcSync.Vim.Values;

namespace VcSync.Inventory.Live;

/// <summary>
/// The inventory as <c>WaitForUpdatesEx</c> reports it: the properties of every object of the filter, kept current
/// by applying update sets, and mapped by the same per-type mappers as a full sync, so every column a full sync writes
/// is computed the same way. <see cref="TakeDelta"/> gives what changed since the last call, references resolved (a
/// renamed host renames itself in its VMs' rows). Not thread-safe.
/// </summary>
public sealed class LiveInventory
{
    private readonly Dictionary<ManagedObjectReference, Dictionary<string, object?>> _objects = [];
    private readonly HashSet<ManagedObjectReference> _dirty = [];
    private readonly HashSet<ManagedObjectReference> _refetch = [];
    private readonly HashSet<string> _changedVms = new(StringComparer.Ordinal);
    private readonly InventoryBuilder _builder = new(alarmsRequested: true);
    private ResolvedState? _last;
    private bool _othersChanged;

    /// <summary>The number of objects held.</summary>
    public int ObjectCount => _objects.Count;

    /// <summary>Objects whose change named a nested path (e.g. <c>config.hardware.device[4000]</c>): read them again and <see cref="Replace"/> them.</summary>
    public IReadOnlyCollection<ManagedObjectReference> NeedsRefetch => _refetch;

    /// <summary>Applies one object update of an update set.</summary>
    public void Apply(ObjectUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var obj = update.Obj;
        NoteChange(obj);
        switch (update.Kind)
        {
            case ObjectUpdateKind.Leave:
                _objects.Remove(obj);
                _refetch.Remove(obj);
                _dirty.Remove(obj);
                _builder.Remove(obj);
                return;
            case ObjectUpdateKind.Enter:
                _objects[obj] = new Dictionary<string, object?>(StringComparer.Ordinal);
                break;
            default:
                if (!_objects.ContainsKey(obj))
                {
                    // A modify of an object never entered: read it whole.
                    _objects[obj] = new Dictionary<string, object?>(StringComparer.Ordinal);
                    _refetch.Add(obj);
                }

                break;
        }

        var properties = _objects[obj];
        foreach (var change in update.Changes)
        {
            if (change.Name.Contains('[', StringComparison.Ordinal) || change.Op == PropertyChangeOp.Add)
            {
                _refetch.Add(obj);
                continue;
            }

            if (change.Op == PropertyChangeOp.Assign && change.Value is not null)
            {
                properties[change.Name] = change.Value;
            }
            else
            {
                properties.Remove(change.Name);
                RemoveNested(properties, change.Name);
            }
        }

        _dirty.Add(obj);
    }

    /// <summary>Replaces an object's properties with a whole read of them (after <see cref="NeedsRefetch"/>).</summary>
    public void Replace(ObjectContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in content.PropSet)
        {
            properties[property.Name] = property.Value;
        }

        _objects[content.Obj] = properties;
        NoteChange(content.Obj);
        _refetch.Remove(content.Obj);
        _dirty.Add(content.Obj);
    }

    /// <summary>Forgets an object that could not be read again (it went meanwhile).</summary>
    public void Forget(ManagedObjectReference obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        NoteChange(obj);
        _objects.Remove(obj);
        _refetch.Remove(obj);
        _dirty.Remove(obj);
        _builder.Remove(obj);
    }

    /// <summary>Replaces the triggered alarms with the root folder's <c>triggeredAlarmState</c> as just read.</summary>
    public void SetTriggeredAlarms(ObjectContent rootFolder)
    {
        ArgumentNullException.ThrowIfNull(rootFolder);
        _builder.Remove(rootFolder.Obj);
        _builder.Add(rootFolder);
    }

    /// <summary>Adds alarm definitions' <c>info.name</c> (kept for later polls).</summary>
    public void AddAlarmNames(IEnumerable<ObjectContent> alarmNames)
    {
        ArgumentNullException.ThrowIfNull(alarmNames);
        _builder.AddRange(alarmNames);
    }

    /// <summary>The alarm definitions of the triggered alarms held (ask their names once).</summary>
    public IReadOnlyList<ManagedObjectReference> AlarmDefinitions => _builder.AlarmDefinitions;

    /// <summary>The whole inventory now, references resolved: what a full sync reading now would write.</summary>
    public InventorySnapshot Snapshot()
    {
        MapDirty();
        return _builder.Build();
    }

    /// <summary>
    /// Takes the current state as the baseline of the next <see cref="TakeDelta"/> (after it was written whole, as the
    /// reconcile's full sync).
    /// </summary>
    public InventorySnapshot Checkpoint()
    {
        var snapshot = Snapshot();
        _last = new ResolvedState(snapshot);
        _changedVms.Clear();
        _othersChanged = false;
        return snapshot;
    }

    /// <summary>
    /// What changed since the last delta or checkpoint, and makes the current state the new baseline. When only VMs (and
    /// triggered alarms) changed, only those VMs are resolved and compared, so a delta costs what changed; any other
    /// object's change (a host renamed, a folder moved) resolves and compares the whole inventory, since VM rows follow it.
    /// </summary>
    public InventoryDelta TakeDelta()
    {
        var last = _last ?? throw new InvalidOperationException("Checkpoint the live inventory before taking deltas.");
        MapDirty();
        var vmsOnly = !_othersChanged;
        var vms = _changedVms.ToList();
        _changedVms.Clear();
        _othersChanged = false;
        if (vmsOnly && _builder.BuildVms(vms) is { } partial)
        {
            var changed = InventoryDiff.Between(last.Subset(vms), partial);
            last.Update(vms, partial);
            return changed;
        }

        var now = _builder.Build();
        var delta = InventoryDiff.Between(last.ToSnapshot(), now);
        last.Reset(now);
        return delta;
    }

    private void NoteChange(ManagedObjectReference obj)
    {
        if (string.Equals(obj.Type, InventoryPaths.Types.VirtualMachine, StringComparison.Ordinal))
        {
            _changedVms.Add(obj.Value);
        }
        else
        {
            _othersChanged = true;
        }
    }

    private void MapDirty()
    {
        foreach (var obj in _dirty)
        {
            if (_objects.TryGetValue(obj, out var properties))
            {
                var props = new List<DynamicProperty>(properties.Count);
                foreach (var (name, value) in properties)
                {
                    props.Add(new DynamicProperty(name, value));
                }

                _builder.Add(new ObjectContent(obj, props, []));
            }
        }

        _dirty.Clear();
    }

    private static void RemoveNested(Dictionary<string, object?> properties, string path)
    {
        var prefix = path + ".";
        foreach (var name in properties.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            properties.Remove(name);
        }
    }
}
