using VcSync.Inventory.Records;

namespace VcSync.Inventory.Mapping;

/// <summary>The VMs' child rows as <see cref="ReferenceResolver"/> finishes them: networks, switches and datastores named.</summary>
internal sealed class VmChildren
{
    public List<VmNicRecord> Nics { get; } = [];

    public List<VmDiskRecord> Disks { get; } = [];

    public List<VmPartitionRecord> Partitions { get; } = [];

    public List<VmSnapshotRecord> Snapshots { get; } = [];

    public void Add(
        MappedVm vm,
        MappedInventory mapped,
        Dictionary<string, NetworkRecord> networks,
        Dictionary<string, string> datastoreNames,
        List<HostPortgroupRecord>? hostPortgroups)
    {
        foreach (var nic in vm.Nics)
        {
            var moref = nic.NetworkMoref
                ?? (nic.PortgroupKey is { } key && mapped.PortgroupKeys.TryGetValue(key, out var pg) ? pg : null);
            var network = moref is not null && networks.TryGetValue(moref, out var n) ? n : null;
            var name = network?.Name ?? nic.NetworkName;
            Nics.Add(nic with
            {
                NetworkMoref = moref,
                NetworkName = name,
                NetworkType = network?.NetworkType ?? (nic.PortgroupKey is null ? null : NetworkMapper.Distributed),
                SwitchName = network?.DvsName ?? VswitchOf(hostPortgroups, network is null or { NetworkType: NetworkMapper.Standard } ? name : null),
                PortgroupKey = null,
            });
        }

        foreach (var disk in vm.Disks)
        {
            Disks.Add(disk.DatastoreMoref is { } ds && datastoreNames.TryGetValue(ds, out var dsName)
                ? disk with { DatastoreName = dsName }
                : disk);
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
