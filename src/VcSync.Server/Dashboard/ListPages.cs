using VcSync.Storage.Reads;

namespace VcSync.Server.Dashboard;

/// <summary>The list pages and their columns.</summary>
internal static class ListPages
{
    private static readonly PageColumn VCenter = PageColumn.Of("vCenter", "vcenter");

    public static IReadOnlyList<PageColumn> VmColumns { get; } =
    [
        PageColumn.Of("Name", "name"), Cells.Status("Power", "power_state"),
        Cells.LinkTo("Host", "host_name", "host_name", "host_id", "/hosts"), PageColumn.Of("Cluster", "cluster_name"),
        PageColumn.Of("vCPU", "cpu_count"), Cells.MegabytesAsBytes("Memory", "memory_mb"), PageColumn.Of("IP address", "ip_address"),
        PageColumn.Of("Guest OS", "guest_os"), PageColumn.Of("Tools", "tools_status"), VCenter,
    ];

    public static ListPageDefinition Vms { get; } = new(
        "/vms", "VMs", ListResources.Vms, VmColumns,
        [new("power_state", "Power", ["poweredOn", "poweredOff", "suspended"])]);

    public static ListPageDefinition Hosts { get; } = new(
        "/hosts", "Hosts", ListResources.Hosts,
        [
            Cells.LinkTo("Name", "name", "name", "id", "/hosts"), PageColumn.Of("Cluster", "cluster_name"),
            Cells.Status("Connection", "connection_state"), PageColumn.Of("Maintenance", "in_maintenance_mode"),
            PageColumn.Of("ESXi", "esxi_version"), PageColumn.Of("Build", "esxi_build"), PageColumn.Of("Serial number", "serial_number"),
            new("Dell server", "server_service_tag", (html, item) =>
            {
                if (item.GetValueOrDefault("server_service_tag") is string tag)
                {
                    html.Text(tag);
                }
                else
                {
                    html.Element("span", "not linked", "muted");
                }
            }),
            VCenter,
        ],
        [
            new("connection_state", "Connection", ["connected", "disconnected", "notResponding"]),
            new("unlinked", "Not linked", ["true", "false"]),
        ]);

    public static ListPageDefinition Clusters { get; } = new(
        "/clusters", "Clusters", ListResources.Clusters,
        [
            PageColumn.Of("Name", "name"), Cells.Status("Status", "overall_status"), PageColumn.Of("Hosts", "num_hosts"),
            PageColumn.Of("Effective hosts", "num_effective_hosts"), PageColumn.Of("CPU MHz", "total_cpu_mhz"),
            Cells.Bytes("Memory", "total_memory_bytes"), PageColumn.Of("HA", "ha_enabled"), PageColumn.Of("DRS", "drs_enabled"),
            PageColumn.Of("DRS behaviour", "drs_behavior"), VCenter,
        ],
        []);

    public static ListPageDefinition Datastores { get; } = new(
        "/datastores", "Datastores", ListResources.Datastores,
        [
            PageColumn.Of("Name", "name"), PageColumn.Of("Type", "type"), Cells.Bytes("Capacity", "capacity_bytes"),
            Cells.Bytes("Free", "free_bytes"), Cells.CapacityBar(), PageColumn.Of("Hosts", "host_count"), PageColumn.Of("VMs", "vm_count"),
            PageColumn.Of("Accessible", "accessible"), VCenter,
        ],
        [new("accessible", "Accessible", ["true", "false"])]);

    public static ListPageDefinition Networks { get; } = new(
        "/networks", "Networks", ListResources.Networks,
        [
            PageColumn.Of("Name", "name"), PageColumn.Of("Type", "network_type"), PageColumn.Of("Switch", "dvs_name"), Cells.Vlan(),
            PageColumn.Of("Uplink", "is_uplink"), PageColumn.Of("Hosts", "host_count"), PageColumn.Of("VMs", "vm_count"), VCenter,
        ],
        [new("network_type", "Type", ["standard", "distributed", "opaque"]), new("vlan_type", "VLAN", ["none", "vlan", "trunk", "pvlan"])]);

    public static ListPageDefinition Alarms { get; } = new(
        "/alarms", "Alarms", ListResources.Alarms,
        [
            Cells.Status("Status", "overall_status"), PageColumn.Of("Alarm", "alarm_name"), PageColumn.Of("Entity", "entity_name"),
            PageColumn.Of("Type", "entity_type"), PageColumn.Of("Triggered", "triggered_at"), PageColumn.Of("Acknowledged", "acknowledged"),
            VCenter,
        ],
        [new("status", "Status", ["red", "yellow", "green", "gray"]), new("acknowledged", "Acknowledged", ["true", "false"])]);

    public static ListPageDefinition Servers { get; } = new(
        "/servers", "Dell servers", ListResources.Servers,
        [
            PageColumn.Of("Service tag", "service_tag"), PageColumn.Of("Hostname", "hostname"), PageColumn.Of("Model", "model"),
            new("iDRAC", "idrac_ip", (html, item) => Cells.Idrac(html, item.GetValueOrDefault("idrac_ip") as string)),
            Cells.LinkTo("ESXi host", "host_name", "host_name", "vcenter_host_id", "/hosts", "not linked"),
            PageColumn.Of("Linked", "linked_at"), PageColumn.Of("vCenter", "vcenter"),
        ],
        [new("unlinked", "Not linked", ["true", "false"])]);

    public static ListPageDefinition Jobs { get; } = new(
        "/jobs", "Jobs", ListResources.Jobs,
        [
            Cells.LinkTo("Job", "created_at", "job_type", "id", "/jobs"), Cells.Status("Status", "status"),
            PageColumn.Of("vCenter", "vcenter"), PageColumn.Of("Created", "created_at"), PageColumn.Of("Started", "started_at"),
            PageColumn.Of("Ended", "completed_at"), PageColumn.Of("Worker", "worker_id"), PageColumn.Of("Error", "error"),
        ],
        [new("status", "Status", ["pending", "running", "completed", "failed", "cancelled"])]);

    /// <summary>The change feed; an object's name filters the feed to that object's history.</summary>
    public static ListPageDefinition Changes { get; } = new(
        "/changes", "Changes", ListResources.Changes,
        [
            PageColumn.Of("When", "changed_at"), Cells.Status("Change", "change_kind"), PageColumn.Of("Type", "object_type"),
            new("Object", "object_name", (html, item) => html.Link(
                $"/changes?moref={Uri.EscapeDataString(item.GetValueOrDefault("moref") as string ?? "")}&vcenter={Uri.EscapeDataString(item.GetValueOrDefault("vcenter") as string ?? "")}",
                item.GetValueOrDefault("object_name") as string ?? item.GetValueOrDefault("moref") as string ?? "")),
            PageColumn.Of("Column", "column_name"), Cells.Truncated("Old value", "old_value"), Cells.Truncated("New value", "new_value"),
            PageColumn.Of("Source", "source"), VCenter,
        ],
        [
            new("type", "Type", ["vm", "host", "cluster", "datastore", "network", "alarm"]),
            new("kind", "Change", ["created", "updated", "deleted"]), new("source", "Source", ["sync", "watch"]),
        ]);

    public static IReadOnlyList<ListPageDefinition> All { get; } = [Vms, Hosts, Clusters, Datastores, Networks, Alarms, Servers, Changes];
}
