using VcSync.Inventory.Records;

namespace VcSync.Inventory.Mapping;

/// <summary>The VMs' child rows as <see cref="ReferenceResolver"/> finishes them: networks, switches and datastores named.</summary>
internal sealed class VmChildren
{
    public List<VmNicRecord> Nics { get; } = [];

    public List<VmDiskRecord> Disks { get; } = [];

    public List<VmPartitionRecord> Partitions { get; } = [];

    public List<VmSnapshotRecord> Snapshots { get; } = [];

    /// <summary>
    /// Resource pool and vApp names by moref, looked up while these rows are resolved (one resolve, during which no
    /// place changes).
    /// </summary>
    public Dictionary<string, string?> PoolNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Makes room for the child rows of <paramref name="vms"/>: the lists are allocated once, not grown.</summary>
    public void Reserve(Dictionary<string, MappedVm>.ValueCollection vms)
    {
        int nics = 0, disks = 0, partitions = 0, snapshots = 0;
        foreach (var vm in vms)
        {
            nics += vm.Nics.Length;
            disks += vm.Disks.Length;
            partitions += vm.Partitions.Length;
            snapshots += vm.Snapshots.Length;
        }

        Nics.EnsureCapacity(Nics.Count + nics);
        Disks.EnsureCapacity(Disks.Count + disks);
        Partitions.EnsureCapacity(Partitions.Count + partitions);
        Snapshots.EnsureCapacity(Snapshots.Count + snapshots);
    }

    /// <summary>
    /// Adds a VM's child rows, resolved: NICs made from what was mapped, disks completed in place the first time
    /// (<see cref="MappedVm.Published"/> still false) and copied where a later resolve differs.
    /// </summary>
    public void Add(
        string vmMoref,
        MappedVm vm,
        MappedInventory mapped,
        Dictionary<string, NetworkRecord> networks,
        Dictionary<string, string> datastoreNames,
        List<HostPortgroupRecord>? hostPortgroups)
    {
        foreach (ref readonly var nic in vm.Nics.AsSpan())
        {
            var moref = nic.NetworkMoref
                ?? (nic.PortgroupKey is { } key && mapped.PortgroupKeys.TryGetValue(key, out var pg) ? pg : null);
            var network = moref is not null && networks.TryGetValue(moref, out var n) ? n : null;
            var name = network?.Name ?? nic.NetworkName;
            Nics.Add(new VmNicRecord
            {
                VmMoref = vmMoref,
                DeviceKey = nic.DeviceKey,
                Label = nic.Label,
                AdapterType = nic.AdapterType,
                MacAddress = nic.MacAddress,
                Connected = nic.Connected,
                StartConnected = nic.StartConnected,
                NetworkMoref = moref,
                NetworkName = name,
                NetworkType = network?.NetworkType ?? (nic.PortgroupKey is null ? null : NetworkMapper.Distributed),
                SwitchName = network?.DvsName ?? VswitchOf(hostPortgroups, network is null or { NetworkType: NetworkMapper.Standard } ? name : null),
                IpAddresses = nic.IpAddresses,
            });
        }

        foreach (var disk in vm.Disks)
        {
            var datastoreName = disk.DatastoreMoref is { } ds && datastoreNames.TryGetValue(ds, out var dsName) ? dsName : null;
            if (!vm.Published)
            {
                disk.Resolve(datastoreName);
                Disks.Add(disk);
            }
            else
            {
                Disks.Add(string.Equals(disk.DatastoreName, datastoreName, StringComparison.Ordinal) ? disk : disk with { DatastoreName = datastoreName });
            }
        }

        Partitions.AddRange(vm.Partitions);
        Snapshots.AddRange(vm.Snapshots);
    }

    private static string? VswitchOf(List<HostPortgroupRecord>? portgroups, string? networkName)
    {
        if (portgroups is null || networkName is null)
        {
            return null;
        }

        foreach (var portgroup in portgroups)
        {
            if (string.Equals(portgroup.PortgroupName, networkName, StringComparison.Ordinal))
            {
                return portgroup.VswitchName;
            }
        }

        return null;
    }
}
