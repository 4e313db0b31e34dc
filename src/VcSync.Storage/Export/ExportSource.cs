namespace VcSync.Storage.Export;

/// <summary>The row sets an export reads: one row per object of a kind, with the rows it refers to joined in.</summary>
public enum ExportSource
{
    /// <summary>One row per registered vCenter (<c>vcenter.*</c>, never its password).</summary>
    VCenters,

    /// <summary>One row per cluster (<c>cluster.*</c>, <c>vcenter.*</c>) with its hosts' <c>cluster_hosts.cpu_cores</c> and <c>.cpu_threads</c> added up.</summary>
    Clusters,

    /// <summary>
    /// One row per ESXi host (<c>host.*</c>, <c>cluster.*</c>, <c>vcenter.*</c>) with the totals of the VMs on it:
    /// <c>host_vms.total</c>, <c>host_vms.powered_on</c>, <c>host_vms.vcpus</c>, <c>host_vms.memory_mb</c>.
    /// </summary>
    Hosts,

    /// <summary>
    /// One row per VM (<c>vm.*</c>, its <c>host.*</c>, <c>vcenter.*</c>), with <c>vm_networks.names</c>: the networks of
    /// its first eight NICs by device key (empty text for a NIC without one), separated by <see cref="ExportColumn.ListSeparator"/>.
    /// </summary>
    Vms,

    /// <summary>One row per virtual NIC (<c>nic.*</c>) with its VM (<c>vm.*</c>) and <c>vcenter.*</c>.</summary>
    VmNics,

    /// <summary>One row per virtual disk (<c>disk.*</c>) with its VM (<c>vm.*</c>) and <c>vcenter.*</c>.</summary>
    VmDisks,

    /// <summary>One row per guest file system (<c>partition.*</c>) with its VM (<c>vm.*</c>) and <c>vcenter.*</c>.</summary>
    VmPartitions,

    /// <summary>One row per snapshot (<c>snapshot.*</c>) with its VM (<c>vm.*</c>) and <c>vcenter.*</c>.</summary>
    VmSnapshots,

    /// <summary>One row per standard portgroup of a host (<c>portgroup.*</c>) with the host (<c>host.*</c>) and <c>vcenter.*</c>.</summary>
    HostPortgroups,

    /// <summary>One row per standard vSwitch of a host, as its portgroups name it (<c>vswitch.name</c>, <c>vswitch.portgroups</c>), with <c>host.*</c> and <c>vcenter.*</c>.</summary>
    StandardSwitches,

    /// <summary>One row per datastore (<c>datastore.*</c>, <c>vcenter.*</c>) with <c>datastore_hosts.names</c>, the mounting hosts' names.</summary>
    Datastores,

    /// <summary>One row per distributed portgroup, uplinks included (<c>network.*</c>, <c>vcenter.*</c>).</summary>
    DistributedPortgroups,

    /// <summary>
    /// One row per distributed switch, as its portgroups name it: <c>dvs.moref</c>, <c>dvs.name</c>,
    /// <c>dvs.portgroups</c>, <c>dvs.datacenter</c>, <c>vcenter.*</c>.
    /// </summary>
    DistributedSwitches,
}
