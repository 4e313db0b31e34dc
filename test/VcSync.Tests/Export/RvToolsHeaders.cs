namespace VcSync.Tests.Export;

/// <summary>
/// RVTools' sheets and header text, written out from RVTools' column reference independently of the exporter's
/// definitions. Where the reference lists only the first columns of a sheet, <see cref="Prefixes"/> holds those.
/// </summary>
public static class RvToolsHeaders
{
    /// <summary>The sheets the export writes, in RVTools' order.</summary>
    public static readonly string[] Sheets =
    [
        "vInfo", "vCPU", "vMemory", "vDisk", "vPartition", "vNetwork", "vSnapshot", "vTools", "vSource", "vCluster", "vHost", "vSwitch", "vPort", "dvSwitch", "dvPort", "vDatastore", "vMetaData",
    ];

    /// <summary>Every header of a sheet, in order.</summary>
    public static readonly Dictionary<string, string[]> Exact = new()
    {
        ["vInfo"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name", "Connection state",
            "Guest state", "Heartbeat", "Consolidation Needed", "PowerOn", "Suspended To Memory", "Suspend time",
            "Suspend Interval", "Creation date", "Change Version", "CPUs", "Overall Cpu Readiness", "Memory",
            "Active Memory", "NICs", "Disks", "Total disk capacity MiB", "Fixed Passthru HotPlug",
            "min Required EVC Mode Key", "Latency Sensitivity", "Op Notification Timeout", "EnableUUID", "CBT",
            "Primary IP Address", "Network #1", "Network #2", "Network #3", "Network #4", "Network #5", "Network #6",
            "Network #7", "Network #8", "Num Monitors", "Video Ram KiB", "Resource pool", "Folder ID", "Folder", "vApp",
            "DAS protection", "FT State", "FT Role", "FT Latency", "FT Bandwidth", "FT Sec. Latency",
            "Vm Failover In Progress", "Provisioned MiB", "In Use MiB", "Unshared MiB", "HA Restart Priority",
            "HA Isolation Response", "HA VM Monitoring", "Cluster rule(s)", "Cluster rule name(s)", "Boot Required",
            "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup", "Reboot PowerOff",
            "EFI Secure boot", "Firmware", "HW version", "HW upgrade status", "HW upgrade policy", "HW target", "Path",
            "Log directory", "Snapshot directory", "Suspend directory", "Annotation", "Datacenter", "Cluster", "Host",
            "OS according to the configuration file", "OS according to the VMware Tools", "Customization Info",
            "Guest Detailed Data", "VM ID", "SMBIOS UUID", "VM UUID", "VI SDK Server type", "VI SDK API Version",
            "VI SDK Server", "VI SDK UUID",
        ],
        ["vCPU"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "CPUs", "Sockets", "Cores p/s", "Max", "Overall",
            "Level", "Shares", "Reservation", "Entitlement", "DRS Entitlement", "Limit", "Hot Add", "Hot Remove",
            "Numa Hotadd Exposed", "Annotation", "Datacenter", "Cluster", "Host", "Folder",
            "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID",
            "VI SDK Server", "VI SDK UUID",
        ],
        ["vMemory"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "Size MiB", "Memory Reservation Locked To Max",
            "Overhead", "Max", "Consumed", "Consumed Overhead", "Private", "Shared", "Swapped", "Ballooned", "Active",
            "Entitlement", "DRS Entitlement", "Level", "Shares", "Reservation", "Limit", "Hot Add", "Annotation",
            "Datacenter", "Cluster", "Host", "Folder", "OS according to the configuration file",
            "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID",
        ],
        ["vDisk"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "Disk", "Disk Key", "Disk UUID", "Disk Path",
            "Capacity MiB", "Raw", "Disk Mode", "Sharing mode", "Thin", "Eagerly Scrub", "Split", "Write Through",
            "Level", "Shares", "Reservation", "Limit", "Controller", "Label", "SCSI Unit #", "Unit #", "Shared Bus",
            "Path", "Raw LUN ID", "Raw Comp. Mode", "Annotation", "Datacenter", "Cluster", "Host", "Folder",
            "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID",
            "VI SDK Server", "VI SDK UUID",
        ],
        ["vPartition"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "Disk Key", "Disk", "Capacity MiB", "Consumed MiB",
            "Free MiB", "Free %", "Annotation", "Datacenter", "Cluster", "Host", "Folder",
            "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID",
            "VI SDK Server", "VI SDK UUID",
        ],
        ["vNetwork"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "NIC label", "Adapter", "Network", "Switch", "Connected",
            "Starts Connected", "Mac Address", "Type", "IPv4 Address", "IPv6 Address", "Direct Path IO", "Annotation",
            "Datacenter", "Cluster", "Host", "Folder", "OS according to the configuration file",
            "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID",
        ],
        ["vSnapshot"] =
        [
            "VM", "Powerstate", "Name", "Description", "Date / time", "Filename", "Size MiB (vmsn)", "Size MiB (total)",
            "Quiesced", "State", "Annotation", "Datacenter", "Cluster", "Host", "Folder",
            "OS according to the configuration file", "OS according to the VMware Tools", "VM ID", "VM UUID",
            "VI SDK Server", "VI SDK UUID",
        ],
        ["vTools"] =
        [
            "VM", "Powerstate", "Template", "SRM Placeholder", "VM Version", "Tools", "Tools Version",
            "Required Version", "Upgradeable", "Upgrade Policy", "Sync time", "App status", "Heartbeat status",
            "Kernel Crash state", "Operation Ready", "State change support", "Interactive Guest", "Annotation",
            "Datacenter", "Cluster", "Host", "Folder", "OS according to the configuration file",
            "OS according to the VMware Tools", "VM ID", "VM UUID", "VI SDK Server", "VI SDK UUID",
        ],
        ["vSource"] =
        [
            "Name", "OS type", "API type", "API version", "Version", "Patch level", "Build", "Fullname", "Product name",
            "Product version", "Product line", "Vendor",
        ],
        ["vCluster"] =
        [
            "Name", "Config status", "OverallStatus", "NumHosts", "numEffectiveHosts", "TotalCpu", "NumCpuCores",
            "NumCpuThreads", "Effective Cpu", "TotalMemory", "Effective Memory", "Num VMotions", "HA enabled",
            "Failover Level", "AdmissionControlEnabled", "Host monitoring", "HB Datastore Candidate Policy",
            "Isolation Response", "Restart Priority", "Cluster Settings", "Max Failures", "Max Failure Window",
            "Failure Interval", "Min Up Time", "VM Monitoring", "DRS enabled", "DRS default VM behavior",
            "DRS vmotion rate", "DPM enabled", "DPM default behavior", "DPM Host Power Action Rate", "Object ID",
            "VI SDK Server", "VI SDK UUID",
        ],
        ["vHost"] =
        [
            "Host", "Datacenter", "Cluster", "Config status", "Compliance Check State", "in Maintenance Mode",
            "in Quarantine Mode", "vSAN Fault Domain Name", "CPU Model", "Speed", "HT Available", "HT Active", "# CPU",
            "Cores per CPU", "# Cores", "CPU usage %", "# Memory", "Memory Tiering Type", "Memory usage %", "Console",
            "# NICs", "# HBAs", "# VMs total", "# VMs", "VMs per Core", "# vCPUs", "vCPUs per Core", "vRAM",
            "VM Used memory", "VM Memory Swapped", "VM Memory Ballooned", "VMotion support", "Storage VMotion support",
            "Current EVC", "Max EVC", "Assigned License(s)", "ATS Heartbeat", "ATS Locking",
            "Current CPU power man. policy", "Supported CPU power man.", "Host Power Policy", "ESX Version",
            "Boot time", "DNS Servers", "DHCP", "Domain", "Domain List", "DNS Search Order", "NTP Server(s)",
            "NTPD running", "Time Zone", "Time Zone Name", "GMT Offset", "Vendor", "Model", "Serial number",
            "Service tag", "OEM specific string", "BIOS Vendor", "BIOS Version", "BIOS Date", "Certificate Issuer",
            "Certificate Start Date", "Certificate Expiry Date", "Certificate Status", "Certificate Subject",
            "Object ID", "UUID", "VI SDK Server", "VI SDK UUID",
        ],
        ["vSwitch"] =
        [
            "Host", "Datacenter", "Cluster", "Switch", "# Ports", "Free Ports", "Promiscuous Mode", "Mac Changes",
            "Forged Transmits", "Traffic Shaping", "Width", "Peak", "Burst", "Policy", "Reverse Policy",
            "Notify Switch", "Rolling Order", "Offload", "TSO", "Zero Copy Xmit", "MTU",
        ],
        ["vPort"] =
        [
            "Host", "Datacenter", "Cluster", "Port Group", "Switch", "VLAN", "Promiscuous Mode", "Mac Changes",
            "Forged Transmits", "Traffic Shaping", "Width", "Peak", "Burst", "Policy", "Reverse Policy",
            "Notify Switch", "Rolling Order", "Offload", "TSO", "Zero Copy Xmit",
        ],
        ["vDatastore"] =
        [
            "Name", "Config status", "Address", "Accessible", "Type", "# VMs total", "# VMs", "Capacity MiB",
            "Provisioned MiB", "In Use MiB", "Free MiB", "Free %", "SIOC enabled", "SIOC Threshold", "# Hosts", "Hosts",
            "Cluster name", "Cluster capacity MiB", "Cluster free space MiB", "Block size", "Max Blocks", "# Extents",
            "Major Version", "Version", "VMFS Upgradeable", "MHA", "URL", "Object ID", "VI SDK Server", "VI SDK UUID",
        ],
        ["vMetaData"] =
        [
            "RVTools major version", "RVTools version", "xlsx creation datetime", "Server",
        ],
    };

    /// <summary>The first headers of sheets the reference lists only in part.</summary>
    public static readonly Dictionary<string, string[]> Prefixes = new()
    {
        ["dvSwitch"] = ["Switch", "Datacenter", "Name", "Vendor", "Version", "Description", "Created", "Host members", "Max Ports", "# Ports", "# VMs"],
        ["dvPort"] = ["Port", "Switch", "Type", "# Ports", "VLAN"],
    };
}
