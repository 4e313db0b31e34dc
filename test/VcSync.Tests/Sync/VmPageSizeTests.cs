using VcSync.Inventory.Records;
using VcSync.Sync.FullSync;
using VcSync.Tests.Storage;

namespace VcSync.Tests.Sync;

/// <summary>The streamed sync's page size for its VMs: about 16 pages for a small inventory, never over the sync's own.</summary>
public sealed class VmPageSizeTests
{
    [Theory]
    [InlineData(new[] { 1500 }, 1000, 100)] // the plan's size: 15 pages of 100 instead of 2 of 1,000
    [InlineData(new[] { 4000, 2000 }, 1000, 375)]
    [InlineData(new[] { 10_000 }, 1000, 625)]
    [InlineData(new[] { 30_000, 15_000 }, 1000, 1000)] // vCenter's maximum: the full page size
    [InlineData(new[] { 40 }, 1000, 100)] // never under vCenter's own default page
    [InlineData(new[] { 45_000 }, 5000, 2813)]
    [InlineData(new[] { 1500 }, 50, 50)] // a page size asked below 100 is kept
    public void Aims_at_sixteen_pages_within_bounds(int[] vmsPerDatastore, int maxObjects, int expected)
    {
        var places = Places(vmsPerDatastore);

        Assert.Equal(expected, VmPageSize.For(places, maxObjects));
    }

    [Fact]
    public void Leaves_the_server_default_and_an_inventory_without_datastores_alone()
    {
        Assert.Null(VmPageSize.For(Places([1500]), null));
        Assert.Equal(1000, VmPageSize.For(Places([]), 1000));
    }

    private static InventorySnapshot Places(int[] vmsPerDatastore)
    {
        var snapshot = SnapshotBuilder.Build(datastores: 1);
        return snapshot.With(datastores: [.. vmsPerDatastore.Select((count, i) => new DatastoreRecord
        {
            Moref = $"datastore-{i}",
            Name = $"ds-{i}",
            VmCount = count,
        })]);
    }
}
