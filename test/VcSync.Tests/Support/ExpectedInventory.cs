using System.Globalization;
using VcSync.Vim.Values;

namespace VcSync.Tests.Support;

/// <summary>
/// The contract columns each table should hold for what <see cref="SimulatorReads"/> read, worked out here from the
/// raw vSphere values and the contract's rules, written out plainly: none of the sync's mapping code is used.
/// Each table is a map from its key (moref, alarm key, or "datastore host" pair) to column → value.
/// </summary>
public sealed partial class ExpectedInventory
{
    private static readonly string[] SerialPlaceholders =
    [
        "", "0", "None", "N/A", "Not Specified", "Default string", "To be filled by O.E.M.", "System Serial Number",
    ];

    private readonly SimulatorReads _reads;
    private readonly Dictionary<string, string> _names = [];

    public ExpectedInventory(SimulatorReads reads)
    {
        _reads = reads;
        foreach (var type in reads.ByType.Values)
        {
            foreach (var content in type)
            {
                _names[content.Obj.Value] = (string)content["name"]!;
            }
        }
    }

    public Dictionary<string, Dictionary<string, object?>> Clusters() =>
        _reads.Of("ClusterComputeResource").ToDictionary(c => c.Obj.Value, c =>
        {
            var summary = (DataObject)c["summary"]!;
            var configuration = (DataObject)c["configuration"]!;
            return new Dictionary<string, object?>
            {
                ["moref"] = c.Obj.Value,
                ["name"] = c["name"],
                ["total_cpu_mhz"] = Int(summary["totalCpu"]),
                ["effective_cpu_mhz"] = Int(summary["effectiveCpu"]),
                ["total_memory_bytes"] = Long(summary["totalMemory"]),
                ["effective_memory_mb"] = Long(summary["effectiveMemory"]),
                ["num_hosts"] = Int(summary["numHosts"]),
                ["num_effective_hosts"] = Int(summary["numEffectiveHosts"]),
                ["overall_status"] = summary["overallStatus"],
                ["ha_enabled"] = Bool(configuration.Get("dasConfig.enabled")),
                ["drs_enabled"] = Bool(configuration.Get("drsConfig.enabled")),
                ["drs_behavior"] = configuration.Get("drsConfig.defaultVmBehavior"),
                ["datacenter"] = Datacenter(c["parent"]),
                ["folder_path"] = FolderPath(c["parent"]),
            };
        });

    public Dictionary<string, Dictionary<string, object?>> Hosts() =>
        _reads.Of("HostSystem").ToDictionary(h => h.Obj.Value, h =>
        {
            var parent = (ManagedObjectReference)h["parent"]!;
            var inCluster = parent.Type == "ClusterComputeResource";
            var product = (DataObject)h["config.product"]!;
            var runtime = (DataObject)h["runtime"]!;
            return new Dictionary<string, object?>
            {
                ["moref"] = h.Obj.Value,
                ["name"] = h["name"],
                ["cluster_moref"] = inCluster ? parent.Value : null,
                ["cluster_name"] = inCluster ? _names[parent.Value] : null,
                ["serial_number"] = SerialNumber(h["hardware.systemInfo"] as DataObject),
                ["esxi_version"] = product["version"],
                ["esxi_build"] = product["build"],
                ["connection_state"] = runtime["connectionState"],
                ["in_maintenance_mode"] = Bool(runtime["inMaintenanceMode"]),
                ["server_id"] = null, // no Dell servers are registered in these tests
                ["datacenter"] = Datacenter(parent),
                ["folder_path"] = FolderPath(parent),
                ["vendor"] = ((DataObject)h["summary"]!).Get("hardware.vendor"),
                ["model"] = ((DataObject)h["summary"]!).Get("hardware.model"),
                ["cpu_model"] = ((DataObject)h["summary"]!).Get("hardware.cpuModel"),
                ["cpu_sockets"] = Int(((DataObject)h["summary"]!).Get("hardware.numCpuPkgs")),
                ["cpu_cores"] = Int(((DataObject)h["summary"]!).Get("hardware.numCpuCores")),
                ["cpu_threads"] = Int(((DataObject)h["summary"]!).Get("hardware.numCpuThreads")),
                ["cpu_mhz"] = Int(((DataObject)h["summary"]!).Get("hardware.cpuMhz")),
                ["memory_bytes"] = Long(((DataObject)h["summary"]!).Get("hardware.memorySize")),
                ["nic_count"] = Int(((DataObject)h["summary"]!).Get("hardware.numNics")),
                ["hba_count"] = Int(((DataObject)h["summary"]!).Get("hardware.numHBAs")),
                ["bios_vendor"] = (h["hardware.biosInfo"] as DataObject)?["vendor"],
                ["bios_version"] = (h["hardware.biosInfo"] as DataObject)?["biosVersion"],
                ["bios_date"] = Time((h["hardware.biosInfo"] as DataObject)?["releaseDate"]),
                ["boot_time"] = Time(runtime["bootTime"]),
            };
        });

    public Dictionary<string, Dictionary<string, object?>> Vms()
    {
        var hostCluster = Hosts().ToDictionary(h => h.Key, h => h.Value["cluster_name"]);
        return _reads.Of("VirtualMachine").ToDictionary(v => v.Obj.Value, v =>
        {
            var config = (DataObject)v["config"]!;
            var runtime = (DataObject)v["runtime"]!;
            var guest = v["guest"] as DataObject;
            var summary = (DataObject)v["summary"]!;
            var host = runtime["host"] as ManagedObjectReference;
            var row = new Dictionary<string, object?>
            {
                ["moref"] = v.Obj.Value,
                ["name"] = v["name"],
                ["vm_uuid"] = config["uuid"],
                ["cpu_count"] = Int(config.Get("hardware.numCPU")),
                ["memory_mb"] = Int(config.Get("hardware.memoryMB")),
                ["is_template"] = Bool(config["template"]),
                ["power_state"] = runtime["powerState"],
                ["host_moref"] = host?.Value,
                ["host_name"] = host is null ? null : _names[host.Value],
                ["cluster_name"] = host is null ? null : hostCluster[host.Value],
                ["ip_address"] = guest?["ipAddress"],
                ["tools_status"] = guest?["toolsStatus"],
                ["tools_version_status"] = guest?["toolsVersionStatus"],
                ["guest_os"] = summary.Get("config.guestFullName"),
                ["disk_uncommitted_bytes"] = Long(summary.Get("storage.uncommitted")),
            };
            foreach (var (column, value) in VmColumns(v, config, runtime, guest, summary))
            {
                row[column] = value;
            }

            return row;
        });
    }

    public Dictionary<string, Dictionary<string, object?>> Datastores() =>
        _reads.Of("Datastore").ToDictionary(d => d.Obj.Value, d =>
        {
            var summary = (DataObject)d["summary"]!;
            return new Dictionary<string, object?>
            {
                ["moref"] = d.Obj.Value,
                ["name"] = d["name"],
                ["type"] = summary["type"],
                ["capacity_bytes"] = Long(summary["capacity"]),
                ["free_bytes"] = Long(summary["freeSpace"]),
                ["accessible"] = Bool(summary["accessible"]),
                ["maintenance_mode"] = summary["maintenanceMode"],
                ["host_count"] = SimulatorReads.AsList(d["host"]).Count,
                ["vm_count"] = SimulatorReads.AsList(d["vm"]).Count,
                ["datacenter"] = Datacenter(d["parent"]),
                ["folder_path"] = FolderPath(d["parent"]),
                ["url"] = summary["url"],
                ["uncommitted_bytes"] = Long(d["summary.uncommitted"]),
                ["provisioned_bytes"] = Sum64((decimal?)Long(summary["capacity"]) - Long(summary["freeSpace"]) + Long(d["summary.uncommitted"])),
                ["datastore_cluster"] = d["parent"] is ManagedObjectReference { Type: "StoragePod" } pod ? PlaceName(pod) : null,
            };
        });

    /// <summary>One row per host mount of each datastore, keyed "datastore host".</summary>
    public Dictionary<string, Dictionary<string, object?>> DatastoreHosts() =>
        _reads.Of("Datastore")
            .SelectMany(d => SimulatorReads.AsList(d["host"]).Cast<DataObject>()
                .Select(mount => (Datastore: d.Obj.Value, Host: ((ManagedObjectReference)mount["key"]!).Value)))
            .ToDictionary(p => $"{p.Datastore} {p.Host}", p => new Dictionary<string, object?>
            {
                ["datastore_moref"] = p.Datastore,
                ["host_moref"] = p.Host,
            });

    public Dictionary<string, Dictionary<string, object?>> Networks() =>
        _reads.Of("Network").ToDictionary(n => n.Obj.Value, n =>
        {
            var distributed = n.Obj.Type == "DistributedVirtualPortgroup";
            var config = distributed ? (DataObject)n["config"]! : null;
            var dvs = config?["distributedVirtualSwitch"] as ManagedObjectReference;
            var (vlanType, vlanId, vlanRanges) = Vlan(config?.Get("defaultPortConfig.vlan") as DataObject);
            return new Dictionary<string, object?>
            {
                ["moref"] = n.Obj.Value,
                ["name"] = n["name"],
                ["network_type"] = n.Obj.Type switch
                {
                    "Network" => "standard",
                    "DistributedVirtualPortgroup" => "distributed",
                    "OpaqueNetwork" => "opaque",
                    var other => throw new InvalidOperationException("unexpected network type " + other),
                },
                ["dvs_moref"] = dvs?.Value,
                ["dvs_name"] = dvs is null ? null : _names[dvs.Value],
                ["is_uplink"] = distributed && Bool(config!["uplink"]) is true,
                ["vlan_type"] = vlanType,
                ["vlan_id"] = vlanId,
                ["vlan_ranges"] = vlanRanges,
                ["host_count"] = SimulatorReads.AsList(n["host"]).Count,
                ["vm_count"] = SimulatorReads.AsList(n["vm"]).Count,
                ["datacenter"] = Datacenter(n["parent"]),
                ["folder_path"] = FolderPath(n["parent"]),
            };
        });

    /// <summary>One row per triggered alarm key; entity names only for objects of the inventory tables.</summary>
    public Dictionary<string, Dictionary<string, object?>> Alarms()
    {
        var inventory = new[] { "ClusterComputeResource", "HostSystem", "VirtualMachine", "Datastore", "Network" }
            .SelectMany(_reads.Of)
            .ToDictionary(c => c.Obj.Value, c => (string)c["name"]!);
        return _reads.TriggeredAlarms
            .DistinctBy(s => (string)s["key"]!)
            .ToDictionary(s => (string)s["key"]!, s =>
            {
                var entity = (ManagedObjectReference)s["entity"]!;
                var alarm = (ManagedObjectReference)s["alarm"]!;
                return new Dictionary<string, object?>
                {
                    ["alarm_key"] = s["key"],
                    ["entity_moref"] = entity.Value,
                    ["entity_type"] = entity.Type,
                    ["entity_name"] = inventory.GetValueOrDefault(entity.Value),
                    ["alarm_moref"] = alarm.Value,
                    ["alarm_name"] = _reads.AlarmNames[alarm.Value],
                    ["overall_status"] = s["overallStatus"],
                    ["triggered_at"] = Time(s["time"]),
                    ["acknowledged"] = Bool(s["acknowledged"]) is true,
                    ["acknowledged_by"] = s["acknowledgedByUser"],
                    ["acknowledged_at"] = Time(s["acknowledgedTime"]),
                };
            });
    }

    /// <summary>The contract's serial rule: serialNumber, else the ServiceTag identifier; trimmed; placeholders are NULL.</summary>
    public static string? SerialNumber(DataObject? systemInfo)
    {
        if (Clean(systemInfo?["serialNumber"] as string) is { } serial)
        {
            return serial;
        }

        foreach (var identifier in SimulatorReads.AsList(systemInfo?["otherIdentifyingInfo"]).Cast<DataObject>())
        {
            if (identifier.Get("identifierType.key") as string == "ServiceTag")
            {
                return Clean(identifier["identifierValue"] as string);
            }
        }

        return null;
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        if (trimmed is null
            || SerialPlaceholders.Any(p => string.Equals(p, trimmed, StringComparison.OrdinalIgnoreCase))
            || trimmed.All(c => c is '.' or '0' or ' '))
        {
            return null;
        }

        return trimmed;
    }

    // A sum of 64-bit values, NULL when it does not fit 64 bits (the contract's rule for derived sums).
    private static long? Sum64(decimal? sum) => sum is { } s && s >= long.MinValue && s <= long.MaxValue ? (long)s : null;

    // Leaves of whole data objects read without type information come back as text: convert them by the column's type.
    private static int? Int(object? value) => value is null ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static long? Long(object? value) => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static bool? Bool(object? value) => value switch
    {
        null => null,
        bool b => b,
        string s => s is "true" or "1" ? true : s is "false" or "0" ? false : throw new FormatException("not an xsd:boolean: " + s),
        _ => throw new FormatException("not a boolean: " + value),
    };

    private static DateTimeOffset? Time(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new FormatException("not a time: " + value),
    };

    private static (string? Type, int? Id, string? Ranges) Vlan(DataObject? vlan) => vlan?.TypeName switch
    {
        null => (null, null, null),
        "VmwareDistributedVirtualSwitchVlanIdSpec" when Int(vlan["vlanId"]) == 0 => ("none", 0, null),
        "VmwareDistributedVirtualSwitchVlanIdSpec" => ("vlan", Int(vlan["vlanId"]), null),
        "VmwareDistributedVirtualSwitchPvlanSpec" => ("pvlan", Int(vlan["pvlanId"]), null),
        "VmwareDistributedVirtualSwitchTrunkVlanSpec" => ("trunk", null, string.Join(',',
            SimulatorReads.AsList(vlan["vlanId"]).Cast<DataObject>().Select(r =>
                Int(r["start"]) == Int(r["end"]) ? $"{Int(r["start"])}" : $"{Int(r["start"])}-{Int(r["end"])}"))),
        var other => throw new InvalidOperationException("unexpected VLAN spec " + other),
    };
}
