using System.Globalization;
using VcSync.Inventory.Records;

namespace VcSync.Tests.Storage;

/// <summary>Synthetic inventories for store tests: deterministic, sized at will, every column set.</summary>
internal static class SnapshotBuilder
{
    public static InventorySnapshot Build(int vms = 20, int hosts = 4, int clusters = 2, int datastores = 3, int networks = 3, int alarms = 2)
    {
        var clusterRecords = Enumerable.Range(1, clusters).Select(i => new ClusterRecord
        {
            Moref = $"domain-c{i}",
            Name = $"cluster-{i:D2}",
            TotalCpuMhz = 100_000 + i,
            EffectiveCpuMhz = 90_000 + i,
            TotalMemoryBytes = 1_099_511_627_776L * i,
            EffectiveMemoryMb = 900_000 + i,
            NumHosts = hosts,
            NumEffectiveHosts = hosts - 1,
            OverallStatus = "green",
            HaEnabled = true,
            DrsEnabled = i % 2 == 0,
            DrsBehavior = "fullyAutomated",
        }).ToList();
        var hostRecords = Enumerable.Range(1, hosts).Select(i => new HostRecord
        {
            Moref = $"host-{i}",
            Name = $"esx{i:D4}.example.com",
            ClusterMoref = clusters == 0 ? null : $"domain-c{(i % clusters) + 1}",
            ClusterName = clusters == 0 ? null : $"cluster-{(i % clusters) + 1:D2}",
            SerialNumber = $"SN{i:D6}",
            EsxiVersion = "8.0.3",
            EsxiBuild = "24022510",
            ConnectionState = "connected",
            InMaintenanceMode = false,
        }).ToList();
        var vmRecords = Enumerable.Range(1, vms).Select(i => new VmRecord
        {
            Moref = $"vm-{i}",
            Name = $"vm-{i:D6}",
            VmUuid = new Guid(i, 0, 0, new byte[8]).ToString(),
            CpuCount = 1 + (i % 8),
            MemoryMb = 1024 * (1 + (i % 16)),
            IsTemplate = i % 50 == 0,
            PowerState = i % 7 == 0 ? "poweredOff" : "poweredOn",
            HostMoref = hosts == 0 ? null : $"host-{(i % hosts) + 1}",
            HostName = hosts == 0 ? null : $"esx{(i % hosts) + 1:D4}.example.com",
            ClusterName = "cluster-01",
            IpAddress = string.Create(CultureInfo.InvariantCulture, $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}"),
            ToolsStatus = "toolsOk",
            ToolsVersionStatus = "guestToolsCurrent",
            GuestOs = "Ubuntu Linux (64-bit)",
            DiskUncommittedBytes = 5_000_000_000L + i,
        }).ToList();
        var datastoreRecords = Enumerable.Range(1, datastores).Select(i => new DatastoreRecord
        {
            Moref = $"datastore-{i}",
            Name = $"ds-{i:D3}",
            Type = "VMFS",
            CapacityBytes = 10_995_116_277_760L,
            FreeBytes = 5_000_000_000_000L + i,
            Accessible = true,
            MaintenanceMode = "normal",
            HostCount = hosts,
            VmCount = vms / Math.Max(datastores, 1),
        }).ToList();
        // Each host mounts up to four datastores, every one when there are no more than four.
        var mounts = datastoreRecords.Count == 0
            ? []
            : hostRecords
                .SelectMany((h, i) => Enumerable.Range(0, Math.Min(datastores, 4)).Select(k => new DatastoreHostRecord(datastoreRecords[(i + k) % datastores].Moref, h.Moref)))
                .OrderBy(m => m.DatastoreMoref, StringComparer.Ordinal)
                .ToList();
        var networkRecords = Enumerable.Range(1, networks).Select(i => new NetworkRecord
        {
            Moref = i % 2 == 0 ? $"dvportgroup-{i}" : $"network-{i}",
            Name = $"net-{i:D3}",
            NetworkType = i % 2 == 0 ? "distributed" : "standard",
            DvsMoref = i % 2 == 0 ? "dvs-1" : null,
            DvsName = i % 2 == 0 ? "dvSwitch" : null,
            IsUplink = false,
            VlanType = i % 2 == 0 ? "vlan" : null,
            VlanId = i % 2 == 0 ? 100 + i : null,
            VlanRanges = null,
            HostCount = hosts,
            VmCount = vms / Math.Max(networks, 1),
        }).ToList();
        var alarmRecords = Enumerable.Range(1, alarms).Select(i => new AlarmRecord
        {
            AlarmKey = $"alarm-{i}.host-1",
            EntityMoref = "host-1",
            EntityType = "HostSystem",
            EntityName = "esx0001.example.com",
            AlarmMoref = $"alarm-{i}",
            AlarmName = $"Alarm {i}",
            OverallStatus = "red",
            TriggeredAt = new DateTimeOffset(2026, 11, 26, 3, 42, 18, 938, TimeSpan.Zero).AddMinutes(i),
            Acknowledged = i % 2 == 0,
            AcknowledgedBy = i % 2 == 0 ? "VSPHERE.LOCAL\\admin" : null,
            AcknowledgedAt = i % 2 == 0 ? new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero) : null,
        }).ToList();
        return new InventorySnapshot
        {
            Clusters = clusterRecords,
            Hosts = hostRecords,
            Vms = vmRecords,
            Datastores = datastoreRecords,
            DatastoreHosts = mounts,
            Networks = networkRecords,
            Alarms = alarmRecords,
            TotalObjects = clusters + hosts + vms + datastores + networks,
        };
    }

    /// <summary>The same snapshot with some lists replaced.</summary>
    public static InventorySnapshot With(
        this InventorySnapshot snapshot,
        IReadOnlyList<ClusterRecord>? clusters = null,
        IReadOnlyList<HostRecord>? hosts = null,
        IReadOnlyList<VmRecord>? vms = null,
        IReadOnlyList<DatastoreRecord>? datastores = null,
        IReadOnlyList<DatastoreHostRecord>? datastoreHosts = null,
        IReadOnlyList<NetworkRecord>? networks = null,
        IReadOnlyList<AlarmRecord>? alarms = null,
        bool withoutAlarms = false) =>
        new()
        {
            Clusters = clusters ?? snapshot.Clusters,
            Hosts = hosts ?? snapshot.Hosts,
            Vms = vms ?? snapshot.Vms,
            Datastores = datastores ?? snapshot.Datastores,
            DatastoreHosts = datastoreHosts ?? snapshot.DatastoreHosts,
            Networks = networks ?? snapshot.Networks,
            Alarms = withoutAlarms ? null : alarms ?? snapshot.Alarms,
            TotalObjects = snapshot.TotalObjects,
        };
}

/// <summary>A list that runs a callback when an item is read: lets a test cancel a write halfway through.</summary>
internal sealed class TrippingList<T>(IReadOnlyList<T> items, int tripAt, Action trip) : IReadOnlyList<T>
{
    public T this[int index]
    {
        get
        {
            if (index == tripAt)
            {
                trip();
            }

            return items[index];
        }
    }

    public int Count => items.Count;

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
