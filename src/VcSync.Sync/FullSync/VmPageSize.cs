using VcSync.Inventory.Records;

namespace VcSync.Sync.FullSync;

/// <summary>
/// The page size a streamed sync asks for its VMs: about <see cref="TargetPages"/> pages, between
/// <see cref="Smallest"/> objects and the sync's own page size. A server sends a page only once it has built all of it,
/// so nothing can be parsed while the first one is made: two pages of 1,000 VMs (the plan's 1,500) left the client idle
/// for the first and then parsing for longer than the server took to make both. Smaller pages let page N be parsed
/// while page N+1 is made. Large inventories keep the full page size, whose fewer round trips are worth more.
/// </summary>
internal static class VmPageSize
{
    /// <summary>The pages aimed at.</summary>
    public const int TargetPages = 16;

    /// <summary>The smallest page asked for: vCenter's own default page.</summary>
    public const int Smallest = 100;

    /// <summary>
    /// The page size for the VMs, from the VMs the datastores count (a VM on two datastores counts twice, which only
    /// makes the pages larger); <paramref name="maxObjects"/> itself when it is null (the server's default) or no larger
    /// than <see cref="Smallest"/>.
    /// </summary>
    public static int? For(InventorySnapshot places, int? maxObjects)
    {
        ArgumentNullException.ThrowIfNull(places);
        if (maxObjects is not { } most || most <= Smallest)
        {
            return maxObjects;
        }

        long vms = 0;
        foreach (var datastore in places.Datastores)
        {
            vms += datastore.VmCount;
        }

        return vms == 0 ? most : (int)Math.Clamp((vms + TargetPages - 1) / TargetPages, Smallest, most);
    }
}
