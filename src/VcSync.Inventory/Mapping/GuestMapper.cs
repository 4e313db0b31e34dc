using System.Runtime.InteropServices;
using VcSync.Inventory.Records;
using VcSync.Vim.Values;
using static VcSync.Inventory.Mapping.LenientValue;

namespace VcSync.Inventory.Mapping;

/// <summary>Maps what the VMware Tools report: file systems (<c>guest.disk</c>) and addresses per NIC (<c>guest.net</c>).</summary>
/// <remarks>Runs for every VM: it collects in <see cref="MapScratch"/>'s lists and finds repeats by searching them (a VM has few).</remarks>
internal static class GuestMapper
{
    public static VmPartitionRecord[] Partitions(string vmMoref, object? guestDisks, MapScratch scratch)
    {
        var items = ValueItems.Of(guestDisks);
        if (items.IsEmpty)
        {
            return [];
        }

        var partitions = scratch.Partitions;
        partitions.Clear();
        foreach (var item in items)
        {
            // The path is the row's key: a partition without one cannot be a row, a repeated one is kept once.
            if (item is DataObject disk && String(disk["diskPath"]) is { } path && !HasPath(partitions, path))
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

        return partitions.ToArray();
    }

    /// <summary>
    /// Every address of the VM, comma-separated in server order without repeats, null when there is none; and into
    /// <see cref="MapScratch.NicAddresses"/>, the addresses of each NIC by its device key (<c>deviceConfigId</c>), the same way.
    /// </summary>
    public static string? Addresses(object? guestNet, MapScratch scratch)
    {
        var byDevice = scratch.NicAddresses;
        var all = scratch.AllAddresses;
        byDevice.Clear();
        all.Clear();
        foreach (var item in ValueItems.Of(guestNet))
        {
            if (item is not DataObject nic)
            {
                continue;
            }

            var addresses = scratch.Addresses;
            addresses.Clear();
            foreach (var address in ValueItems.Of(nic["ipAddress"]))
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
                byDevice.Add((key, Join(addresses)));
            }
        }

        if (all.Count == 0)
        {
            return null;
        }

        // Usually one NIC holds every address of the VM: its text serves for both.
        return byDevice.Count > 0 && IsJoined(all, byDevice[^1].Addresses) ? byDevice[^1].Addresses : Join(all);
    }

    // Whether joined is the values, comma-separated.
    private static bool IsJoined(List<string> values, string joined)
    {
        var rest = joined.AsSpan();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                if (rest.IsEmpty || rest[0] != ',')
                {
                    return false;
                }

                rest = rest[1..];
            }

            if (!rest.StartsWith(values[i], StringComparison.Ordinal))
            {
                return false;
            }

            rest = rest[values[i].Length..];
        }

        return rest.IsEmpty;
    }

    // One address (the usual NIC) is its own text.
    private static string Join(List<string> values) => values.Count == 1 ? values[0] : string.Join(',', CollectionsMarshal.AsSpan(values));

    private static bool HasPath(List<VmPartitionRecord> partitions, string path)
    {
        foreach (var partition in partitions)
        {
            if (string.Equals(partition.DiskPath, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
