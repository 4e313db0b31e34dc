using VcSync.Inventory.Records;

namespace VcSync.Inventory.Live;

/// <summary>
/// The resolved inventory as last written, to compare the next change with: the tables of other objects as the last
/// full resolve gave them, and the VMs, their child rows and the triggered alarms by moref, kept current by VM-only
/// deltas (<see cref="Update"/>) so that such a delta compares only the VMs it touched.
/// </summary>
internal sealed class ResolvedState
{
    private readonly Dictionary<string, VmRecord> _vms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VmRows> _rows = new(StringComparer.Ordinal);
    private InventorySnapshot _full;
    private IReadOnlyList<AlarmRecord>? _alarms;

    public ResolvedState(InventorySnapshot full)
    {
        _full = full;
        Reset(full);
    }

    /// <summary>Takes a full resolve as the state.</summary>
    public void Reset(InventorySnapshot full)
    {
        _full = full;
        _alarms = full.Alarms;
        _vms.Clear();
        _rows.Clear();
        foreach (var vm in full.Vms)
        {
            _vms[vm.Moref] = vm;
        }

        foreach (var nic in full.VmNics ?? [])
        {
            RowsOf(nic.VmMoref).Nics.Add(nic);
        }

        foreach (var disk in full.VmDisks ?? [])
        {
            RowsOf(disk.VmMoref).Disks.Add(disk);
        }

        foreach (var partition in full.VmPartitions ?? [])
        {
            RowsOf(partition.VmMoref).Partitions.Add(partition);
        }

        foreach (var snapshot in full.VmSnapshots ?? [])
        {
            RowsOf(snapshot.VmMoref).Snapshots.Add(snapshot);
        }
    }

    /// <summary>The whole state as a snapshot (to compare a full resolve with).</summary>
    public InventorySnapshot ToSnapshot() => With(_vms.Keys, _full.Clusters, _full.Hosts, _full.Datastores, _full.DatastoreHosts, _full.Networks, _full.HostPortgroups);

    /// <summary>The state of some VMs alone (with the alarms; the other tables empty), to compare <see cref="InventoryBuilder.BuildVms"/> with.</summary>
    public InventorySnapshot Subset(IEnumerable<string> vms) => With(vms, [], [], [], [], [], null);

    /// <summary>Takes the VMs of <paramref name="vms"/> (those absent from <paramref name="partial"/> went) and the alarms from a VM-only resolve.</summary>
    public void Update(IEnumerable<string> vms, InventorySnapshot partial)
    {
        foreach (var moref in vms)
        {
            _vms.Remove(moref);
            _rows.Remove(moref);
        }

        var full = new ResolvedState(partial);
        foreach (var (moref, vm) in full._vms)
        {
            _vms[moref] = vm;
        }

        foreach (var (moref, rows) in full._rows)
        {
            _rows[moref] = rows;
        }

        _alarms = partial.Alarms;
    }

    private InventorySnapshot With(
        IEnumerable<string> vms,
        IReadOnlyList<ClusterRecord> clusters,
        IReadOnlyList<HostRecord> hosts,
        IReadOnlyList<DatastoreRecord> datastores,
        IReadOnlyList<DatastoreHostRecord> mounts,
        IReadOnlyList<NetworkRecord> networks,
        IReadOnlyList<HostPortgroupRecord>? portgroups)
    {
        List<VmRecord> records = [];
        List<VmNicRecord> nics = [];
        List<VmDiskRecord> disks = [];
        List<VmPartitionRecord> partitions = [];
        List<VmSnapshotRecord> snapshots = [];
        foreach (var moref in vms)
        {
            if (_vms.TryGetValue(moref, out var vm))
            {
                records.Add(vm);
            }

            if (_rows.TryGetValue(moref, out var rows))
            {
                nics.AddRange(rows.Nics);
                disks.AddRange(rows.Disks);
                partitions.AddRange(rows.Partitions);
                snapshots.AddRange(rows.Snapshots);
            }
        }

        return new InventorySnapshot
        {
            Clusters = clusters,
            Hosts = hosts,
            Vms = records,
            Datastores = datastores,
            DatastoreHosts = mounts,
            Networks = networks,
            Alarms = _alarms,
            VmNics = nics,
            VmDisks = disks,
            VmPartitions = partitions,
            VmSnapshots = snapshots,
            HostPortgroups = portgroups,
            TotalObjects = _full.TotalObjects,
        };
    }

    private VmRows RowsOf(string vm)
    {
        if (!_rows.TryGetValue(vm, out var rows))
        {
            _rows[vm] = rows = new VmRows();
        }

        return rows;
    }

    private sealed class VmRows
    {
        public List<VmNicRecord> Nics { get; } = [];

        public List<VmDiskRecord> Disks { get; } = [];

        public List<VmPartitionRecord> Partitions { get; } = [];

        public List<VmSnapshotRecord> Snapshots { get; } = [];
    }
}
