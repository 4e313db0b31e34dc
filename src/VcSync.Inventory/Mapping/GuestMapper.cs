using System.Text;
using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps what the VMware Tools report: file systems (<c>guest.disk</c>) and addresses per NIC (<c>guest.net</c>).</summary>
internal static class GuestMapper
{
    public static List<VmPartitionRecord> Partitions(string vmMoref, object? guestDisks)
    {
        var items = VimValue.AsList(guestDisks);
        var partitions = new List<VmPartitionRecord>(items.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            // The path is the row's key: a partition without one cannot be a row, a repeated one is kept once.
            if (items[i] is DataObject disk && String(disk["diskPath"]) is { } path && seen.Add(path))
            {
                partitions.Add(new VmPartitionRecord
                {
                    VmMoref = vmMoref,
                    DiskPath = path,
                    CapacityBytes = Long(disk["capacity"]),
                    FreeBytes = Long(disk["freeSpace"]),
                    FilesystemType = String(disk["filesystemType"]),
                });
            }
        }

        return partitions;
    }

    /// <summary>
    /// The addresses of each NIC by its device key (<c>deviceConfigId</c>), and every address of the VM, each
    /// comma-separated in server order without repeats; null when there is none.
    /// </summary>
    public static (Dictionary<int, string> ByDevice, string? All) Addresses(object? guestNet)
    {
        var items = VimValue.AsList(guestNet);
        var byDevice = new Dictionary<int, string>();
        var all = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not DataObject nic)
            {
                continue;
            }

            var addresses = new List<string>();
            foreach (var address in VimValue.AsList(nic["ipAddress"]))
            {
                if (address is string { Length: > 0 } text && !addresses.Contains(text))
                {
                    addresses.Add(text);
                    if (!all.Contains(text))
                    {
                        all.Add(text);
                    }
                }
            }

            if (Int(nic["deviceConfigId"]) is { } key and >= 0 && addresses.Count > 0)
            {
                byDevice[key] = Join(addresses);
            }
        }

        return (byDevice, all.Count == 0 ? null : Join(all));
    }

    private static string Join(List<string> values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(value);
        }

        return builder.ToString();
    }
}
