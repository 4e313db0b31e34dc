using VcSync.Export.Writing;
using VcSync.Storage.Export;

namespace VcSync.Export.Sheets;

/// <summary>The switch and portgroup sheets: vSwitch, vPort (standard, per host), dvSwitch, dvPort (distributed).</summary>
internal static class NetworkSheets
{
    private static readonly string[] PortPolicyColumns =
    [
        "Promiscuous Mode", "Mac Changes", "Forged Transmits", "Traffic Shaping", "Width", "Peak", "Burst", "Policy",
        "Reverse Policy", "Notify Switch", "Rolling Order", "Offload", "TSO", "Zero Copy Xmit",
    ];

    private static readonly string[] ShapingColumns =
    [
        "In Traffic Shaping", "In Avg", "In Peak", "In Burst", "Out Traffic Shaping", "Out Avg", "Out Peak", "Out Burst",
    ];

    public static SheetDefinition Switch(ExportContext context) => new("vSwitch", ExportSource.StandardSwitches,
    [
        Col.Of("Host", "host.name"),
        Col.Of("Datacenter", "host.datacenter"),
        Col.Of("Cluster", "host.cluster_name"),
        Col.Of("Switch", "vswitch.name"),
        Col.Empty("# Ports"),
        Col.Empty("Free Ports"),
        .. PortPolicyColumns.Select(Col.Empty),
        Col.Empty("MTU"),
        Col.ViSdkServer(),
        Col.Of("VI SDK UUID", "vcenter.instance_uuid"),
    ]);

    public static SheetDefinition Port(ExportContext context) => new("vPort", ExportSource.HostPortgroups,
    [
        Col.Of("Host", "host.name"),
        Col.Of("Datacenter", "host.datacenter"),
        Col.Of("Cluster", "host.cluster_name"),
        Col.Of("Port Group", "portgroup.portgroup_name"),
        Col.Of("Switch", "portgroup.vswitch_name"),
        Col.Of("VLAN", "portgroup.vlan_id"),
        .. PortPolicyColumns.Select(Col.Empty),
        Col.ViSdkServer(),
        Col.Of("VI SDK UUID", "vcenter.instance_uuid"),
    ]);

    public static SheetDefinition DistributedSwitch(ExportContext context) => new("dvSwitch", ExportSource.DistributedSwitches,
    [
        Col.Of("Switch", "dvs.name"),
        Col.Of("Datacenter", "dvs.datacenter"),
        Col.Of("Name", "dvs.name"),
        Col.Empty("Vendor"),
        Col.Empty("Version"),
        Col.Empty("Description"),
        Col.Empty("Created"),
        Col.Empty("Host members"),
        Col.Empty("Max Ports"),
        Col.Empty("# Ports"),
        Col.Empty("# VMs"),
        .. ShapingColumns.Select(Col.Empty),
        Col.Empty("CDP Type"),
        Col.Empty("CDP Operation"),
        Col.Empty("LACP Name"),
        Col.Empty("LACP Mode"),
        Col.Empty("LACP Load Balance Alg"),
        Col.Empty("Max MTU"),
        Col.Empty("Contact"),
        Col.Empty("Admin Name"),
        Col.Of("Object ID", "dvs.moref"),
        Col.ViSdkServer(),
        Col.Of("VI SDK UUID", "vcenter.instance_uuid"),
    ]);

    public static SheetDefinition DistributedPort(ExportContext context) => new("dvPort", ExportSource.DistributedPortgroups,
    [
        Col.Of("Port", "network.name"),
        Col.Of("Switch", "network.dvs_name"),
        Col.Empty("Type"),
        Col.Empty("# Ports"),
        Col.Compute("VLAN", ["network.vlan_type", "network.vlan_id", "network.vlan_ranges"], Vlan),
        Col.Empty("Speed"),
        Col.Empty("Full Duplex"),
        Col.Empty("Blocked"),
        Col.Empty("Allow Promiscuous"),
        Col.Empty("Mac Changes"),
        Col.Empty("Active Uplink"),
        Col.Empty("Standby Uplink"),
        Col.Empty("Policy"),
        Col.Empty("Forged Transmits"),
        .. ShapingColumns.Select(Col.Empty),
        Col.Empty("Reverse Policy"),
        Col.Empty("Notify Switch"),
        Col.Empty("Rolling Order"),
        Col.Empty("Check Beacon"),
        Col.Empty("Live Port Moving"),
        Col.Empty("Check Duplex"),
        Col.Empty("Check Error %"),
        Col.Empty("Check Speed"),
        Col.Empty("Percentage"),
        Col.Empty("Block Override"),
        Col.Empty("Config Reset"),
        Col.Empty("Shaping Override"),
        Col.Empty("Vendor Config Override"),
        Col.Empty("Sec. Policy Override"),
        Col.Empty("Teaming Override"),
        Col.Empty("Vlan Override"),
        Col.Of("Object ID", "network.moref"),
        Col.ViSdkServer(),
        Col.Of("VI SDK UUID", "vcenter.instance_uuid"),
    ]);

    /// <summary>A VLAN id (0 for none, the PVLAN id for a private VLAN), or a trunk's ranges.</summary>
    private static CellValue Vlan(ColumnInputs v) => v[0] switch
    {
        "trunk" => CellValue.Of(v[2] as string),
        _ => CellValue.From(v[1]),
    };
}
