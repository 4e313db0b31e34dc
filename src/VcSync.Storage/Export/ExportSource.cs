namespace VcSync.Storage.Export;

/// <summary>The row sets an export reads: one row per object of a kind, with the rows it refers to joined in.</summary>
public enum ExportSource
{
    /// <summary>One row per registered vCenter (<c>vcenter.*</c>, never its password).</summary>
    VCenters,

    /// <summary>One row per cluster (<c>cluster.*</c>, <c>vcenter.*</c>).</summary>
    Clusters,

    /// <summary>
    /// One row per ESXi host (<c>host.*</c>, <c>cluster.*</c>, <c>vcenter.*</c>) with the totals of the VMs on it:
    /// <c>host_vms.total</c>, <c>host_vms.powered_on</c>, <c>host_vms.vcpus</c>, <c>host_vms.memory_mb</c>.
    /// </summary>
    Hosts,

    /// <summary>One row per VM (<c>vm.*</c>, its <c>host.*</c>, <c>vcenter.*</c>).</summary>
    Vms,

    /// <summary>One row per datastore (<c>datastore.*</c>, <c>vcenter.*</c>) with <c>datastore_hosts.names</c>, the mounting hosts' names.</summary>
    Datastores,

    /// <summary>One row per distributed portgroup, uplinks included (<c>network.*</c>, <c>vcenter.*</c>).</summary>
    DistributedPortgroups,

    /// <summary>
    /// One row per distributed switch, as its portgroups name it: <c>dvs.moref</c>, <c>dvs.name</c>,
    /// <c>dvs.portgroups</c>, <c>dvs.vm_count</c>, <c>dvs.host_count</c> (the most any of its portgroups has), <c>vcenter.*</c>.
    /// </summary>
    DistributedSwitches,
}
