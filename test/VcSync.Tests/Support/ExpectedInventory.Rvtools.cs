using System.Text.Json;
using VcSync.Vim.Values;

namespace VcSync.Tests.Support;

/// <summary>The RVTools-class columns and child tables (migration 0004), worked out from the raw reads.</summary>
public sealed partial class ExpectedInventory
{
    private static readonly string[] NicTypes =
        ["VirtualVmxnet3", "VirtualVmxnet2", "VirtualVmxnet", "VirtualE1000e", "VirtualE1000", "VirtualPCNet32", "VirtualSriovEthernetCard", "VirtualVmxnet3Vrdma"];

    /// <summary>One row per virtual NIC, keyed "vm key".</summary>
    public Dictionary<string, Dictionary<string, object?>> VmNics()
    {
        var networks = _reads.Of("Network").ToDictionary(n => n.Obj.Value);
        var byPortgroupKey = _reads.Of("Network").Where(n => n["key"] is string).ToDictionary(n => (string)n["key"]!, n => n.Obj.Value);
        var hosts = _reads.Of("HostSystem").ToDictionary(h => h.Obj.Value);
        var rows = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var vm in _reads.Of("VirtualMachine"))
        {
            var config = (DataObject)vm["config"]!;
            var host = ((DataObject)vm["runtime"]!)["host"] as ManagedObjectReference;
            var guestNet = SimulatorReads.AsList((vm["guest"] as DataObject)?["net"]).Cast<DataObject>().ToList();
            foreach (var device in Devices(config).Where(d => NicTypes.Contains(d.TypeName)))
            {
                var key = Int(device["key"])!.Value;
                var backing = device["backing"] as DataObject;
                var moref = (backing?["network"] as ManagedObjectReference)?.Value
                    ?? (backing?.Get("port.portgroupKey") is string pgKey ? byPortgroupKey.GetValueOrDefault(pgKey) : null);
                var network = moref is null ? null : networks[moref];
                var distributed = network?.Obj.Type == "DistributedVirtualPortgroup";
                var dvs = distributed ? ((DataObject)network!["config"]!)["distributedVirtualSwitch"] as ManagedObjectReference : null;
                var name = (string?)network?["name"];
                var addresses = guestNet.Where(n => Int(n["deviceConfigId"]) == key)
                    .SelectMany(n => SimulatorReads.AsList(n["ipAddress"]).Cast<string>()).Distinct().ToList();
                rows[$"{vm.Obj.Value} {key}"] = new Dictionary<string, object?>
                {
                    ["vm_moref"] = vm.Obj.Value,
                    ["device_key"] = key,
                    ["label"] = device.Get("deviceInfo.label"),
                    ["adapter_type"] = device.TypeName switch
                    {
                        "VirtualVmxnet3" => "vmxnet3",
                        "VirtualE1000e" => "e1000e",
                        "VirtualE1000" => "e1000",
                        var other => other,
                    },
                    ["mac_address"] = device["macAddress"],
                    ["connected"] = Bool(device.Get("connectable.connected")),
                    ["start_connected"] = Bool(device.Get("connectable.startConnected")),
                    ["network_moref"] = moref,
                    ["network_name"] = name,
                    ["network_type"] = network is null ? null : distributed ? "distributed" : "standard",
                    ["switch_name"] = dvs is not null ? _names[dvs.Value] : Vswitch(host is null ? null : hosts[host.Value], name),
                    ["ip_addresses"] = addresses.Count == 0 ? null : string.Join(',', addresses),
                };
            }
        }

        return rows;
    }

    /// <summary>One row per virtual disk, keyed "vm key".</summary>
    public Dictionary<string, Dictionary<string, object?>> VmDisks()
    {
        var rows = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var vm in _reads.Of("VirtualMachine"))
        {
            var devices = Devices((DataObject)vm["config"]!);
            var controllers = devices.Where(d => d.TypeName.EndsWith("Controller", StringComparison.Ordinal)).ToDictionary(d => Int(d["key"])!.Value);
            foreach (var disk in devices.Where(d => d.TypeName == "VirtualDisk"))
            {
                var key = Int(disk["key"])!.Value;
                var backing = (DataObject)disk["backing"]!;
                var datastore = (backing["datastore"] as ManagedObjectReference)?.Value;
                var controller = controllers.GetValueOrDefault(Int(disk["controllerKey"]) ?? -1);
                rows[$"{vm.Obj.Value} {key}"] = new Dictionary<string, object?>
                {
                    ["vm_moref"] = vm.Obj.Value,
                    ["device_key"] = key,
                    ["label"] = disk.Get("deviceInfo.label"),
                    ["capacity_bytes"] = Long(disk["capacityInBytes"]),
                    ["datastore_moref"] = datastore,
                    ["datastore_name"] = datastore is null ? null : _names[datastore],
                    ["file_name"] = backing["fileName"],
                    ["disk_uuid"] = backing["uuid"],
                    ["thin_provisioned"] = Bool(backing["thinProvisioned"]),
                    ["eagerly_scrub"] = Bool(backing["eagerlyScrub"]),
                    ["disk_mode"] = backing["diskMode"],
                    ["sharing"] = backing["sharing"],
                    ["controller_key"] = Int(disk["controllerKey"]),
                    ["controller_label"] = controller?.Get("deviceInfo.label"),
                    ["controller_type"] = controller?.TypeName,
                    ["unit_number"] = Int(disk["unitNumber"]),
                };
            }
        }

        return rows;
    }

    /// <summary>One row per guest file system, keyed "vm path".</summary>
    public Dictionary<string, Dictionary<string, object?>> VmPartitions() =>
        _reads.Of("VirtualMachine")
            .SelectMany(vm => SimulatorReads.AsList((vm["guest"] as DataObject)?["disk"]).Cast<DataObject>().Select(d => (Vm: vm.Obj.Value, Disk: d)))
            .ToDictionary(p => $"{p.Vm} {p.Disk["diskPath"]}", p => new Dictionary<string, object?>
            {
                ["vm_moref"] = p.Vm,
                ["disk_path"] = p.Disk["diskPath"],
                ["capacity_bytes"] = Long(p.Disk["capacity"]),
                ["free_bytes"] = Long(p.Disk["freeSpace"]),
                ["filesystem_type"] = p.Disk["filesystemType"],
            });

    /// <summary>One row per snapshot, keyed "vm snapshot".</summary>
    public Dictionary<string, Dictionary<string, object?>> VmSnapshots()
    {
        var rows = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var vm in _reads.Of("VirtualMachine"))
        {
            if (vm["snapshot"] is not DataObject info)
            {
                continue;
            }

            var current = (info["currentSnapshot"] as ManagedObjectReference)?.Value;
            void Walk(DataObject tree, string? parent, int depth)
            {
                var moref = ((ManagedObjectReference)tree["snapshot"]!).Value;
                rows[$"{vm.Obj.Value} {moref}"] = new Dictionary<string, object?>
                {
                    ["vm_moref"] = vm.Obj.Value,
                    ["snapshot_moref"] = moref,
                    ["name"] = tree["name"],
                    ["description"] = tree["description"],
                    ["snapshot_id"] = Int(tree["id"]),
                    ["created_at"] = Time(tree["createTime"]),
                    ["state"] = tree["state"],
                    ["quiesced"] = Bool(tree["quiesced"]),
                    ["parent_snapshot_moref"] = parent,
                    ["is_current"] = moref == current,
                    ["depth"] = depth,
                };
                foreach (var child in SimulatorReads.AsList(tree["childSnapshotList"]).Cast<DataObject>())
                {
                    Walk(child, moref, depth + 1);
                }
            }

            foreach (var root in SimulatorReads.AsList(info["rootSnapshotList"]).Cast<DataObject>())
            {
                Walk(root, null, 0);
            }
        }

        return rows;
    }

    /// <summary>One row per standard portgroup of a host, keyed "host portgroup".</summary>
    public Dictionary<string, Dictionary<string, object?>> HostPortgroups() =>
        _reads.Of("HostSystem")
            .SelectMany(h => SimulatorReads.AsList((h["config.network"] as DataObject)?["portgroup"]).Cast<DataObject>()
                .Select(pg => (Host: h.Obj.Value, Spec: (DataObject)pg["spec"]!)))
            .ToDictionary(p => $"{p.Host} {p.Spec["name"]}", p => new Dictionary<string, object?>
            {
                ["host_moref"] = p.Host,
                ["portgroup_name"] = p.Spec["name"],
                ["vswitch_name"] = p.Spec["vswitchName"],
                ["vlan_id"] = Int(p.Spec["vlanId"]),
            });

    private Dictionary<string, object?> VmColumns(ObjectContent v, DataObject config, DataObject runtime, DataObject? guest, DataObject summary)
    {
        var devices = Devices(config);
        var disks = devices.Where(d => d.TypeName == "VirtualDisk").ToList();
        var addresses = SimulatorReads.AsList(guest?["net"]).Cast<DataObject>()
            .SelectMany(n => SimulatorReads.AsList(n["ipAddress"]).Cast<string>()).Distinct().ToList();
        var committed = Long(summary.Get("storage.committed"));
        var uncommitted = Long(summary.Get("storage.uncommitted"));
        var pool = v["resourcePool"] as ManagedObjectReference;
        return new Dictionary<string, object?>
        {
            ["datacenter"] = Datacenter(v["parent"]),
            ["folder_path"] = FolderPath(v["parent"]),
            ["resource_pool"] = pool is null ? null : PlaceName(pool),
            ["annotation"] = config["annotation"] is string { Length: > 0 } annotation ? annotation : null,
            ["hardware_version"] = config["version"],
            ["firmware"] = config["firmware"],
            ["secure_boot"] = Bool(config.Get("bootOptions.efiSecureBootEnabled")),
            ["creation_date"] = Time(config["createDate"]),
            ["connection_state"] = runtime["connectionState"],
            ["boot_time"] = Time(runtime["bootTime"]),
            ["guest_hostname"] = guest?["hostName"],
            ["guest_state"] = guest?["guestState"],
            ["config_guest_id"] = config["guestId"],
            ["tools_guest_id"] = guest?["guestId"],
            ["tools_guest_os"] = guest?["guestFullName"],
            ["tools_version"] = guest?["toolsVersion"],
            ["tools_running_status"] = guest?["toolsRunningStatus"],
            ["ip_addresses"] = addresses.Count == 0 ? null : string.Join(',', addresses),
            ["cores_per_socket"] = Int(config.Get("hardware.numCoresPerSocket")),
            ["disk_capacity_bytes"] = disks.Count == 0 ? null : Sum64(disks.Sum(d => (decimal?)Long(d["capacityInBytes"]))),
            ["disk_committed_bytes"] = committed,
            ["disk_unshared_bytes"] = Long(summary.Get("storage.unshared")),
            ["disk_provisioned_bytes"] = Sum64((decimal?)committed + uncommitted),
            ["cpu_reservation_mhz"] = Long(config.Get("cpuAllocation.reservation")),
            ["cpu_limit_mhz"] = Long(config.Get("cpuAllocation.limit")),
            ["cpu_shares"] = Int(config.Get("cpuAllocation.shares.shares")),
            ["cpu_shares_level"] = config.Get("cpuAllocation.shares.level"),
            ["memory_reservation_mb"] = Long(config.Get("memoryAllocation.reservation")),
            ["memory_limit_mb"] = Long(config.Get("memoryAllocation.limit")),
            ["memory_shares"] = Int(config.Get("memoryAllocation.shares.shares")),
            ["memory_shares_level"] = config.Get("memoryAllocation.shares.level"),
            ["nic_count"] = devices.Count(d => NicTypes.Contains(d.TypeName)),
            ["disk_count"] = disks.Count,
            ["snapshot_count"] = CountSnapshots(SimulatorReads.AsList((v["snapshot"] as DataObject)?["rootSnapshotList"])),
            ["custom_attributes"] = CustomAttributesJson(v["customValue"]),
        };
    }

    private static List<DataObject> Devices(DataObject config) =>
        SimulatorReads.AsList(config.Get("hardware.device")).Cast<DataObject>().ToList();

    private static int CountSnapshots(IReadOnlyList<object?> trees) =>
        trees.Cast<DataObject>().Sum(t => 1 + CountSnapshots(SimulatorReads.AsList(t["childSnapshotList"])));

    private string? CustomAttributesJson(object? customValue)
    {
        var values = SimulatorReads.AsList(customValue).Cast<DataObject>()
            .ToDictionary(c => _reads.CustomFields[Int(c["key"])!.Value], c => (string?)c["value"] ?? string.Empty);
        if (values.Count == 0)
        {
            return null;
        }

        // Compared as parsed JSON would be more lenient; the contract says names in ordinal order, so compare text.
        var ordered = values.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);
        return JsonSerializer.Serialize(ordered, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? Vswitch(ObjectContent? host, string? portgroup) =>
        host is null || portgroup is null
            ? null
            : SimulatorReads.AsList((host["config.network"] as DataObject)?["portgroup"]).Cast<DataObject>()
                .Select(pg => (DataObject)pg["spec"]!)
                .FirstOrDefault(spec => (string?)spec["name"] == portgroup)?["vswitchName"] as string;

    private string? PlaceName(ManagedObjectReference place) => (string?)_reads.Places[place]["name"];

    private string? Datacenter(object? parent) => Locate(parent).Datacenter;

    private string? FolderPath(object? parent) => Locate(parent).Path;

    // Up the parent chain to the datacenter; the folders met on the way, less the top one (the datacenter's hidden
    // vm/host/datastore/network folder), are the path.
    private (string? Datacenter, string? Path) Locate(object? parent)
    {
        var folders = new List<string>();
        var current = parent as ManagedObjectReference;
        while (current is not null && _reads.Places.TryGetValue(current, out var place))
        {
            if (current.Type == "Datacenter")
            {
                folders.Reverse();
                return ((string?)place["name"], "/" + string.Join('/', folders.Skip(1)));
            }

            if (current.Type == "Folder")
            {
                folders.Add((string)place["name"]!);
            }

            current = place["parent"] as ManagedObjectReference;
        }

        return (null, null);
    }
}
