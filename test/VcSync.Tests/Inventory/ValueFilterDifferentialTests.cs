using VcSync.Inventory;
using VcSync.Tests.Fixtures;
using VcSync.Vim.PropertyCollector;

namespace VcSync.Tests.Inventory;

/// <summary>
/// The sync's value filters skip, while the pages stream, what the mapping never reads (devices other than NICs, disks
/// and controllers; fields such as a device's summary): the snapshot must be the same as the one mapped from the whole
/// values, against the simulator.
/// </summary>
public sealed class ValueFilterDifferentialTests(SimulatorWorld world) : IClassFixture<SimulatorWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_filtered_fetch_maps_to_the_same_snapshot_as_the_unfiltered_one()
    {
        await using var client = await world.LoginAsync();
        var content = client.ServiceContent;
        var view = await client.CreateContainerViewAsync(content.RootFolder, InventoryPropertySpecs.ContainerViewTypes, true, Ct);
        try
        {
            var filter = InventoryPropertySpecs.InventoryFilter(view, content.About.ApiVersion, content.RootFolder);
            var whole = new InventoryBuilder(alarmsRequested: true);
            await foreach (var objectContent in client.RetrievePropertiesAsync(filter, new RetrieveOptions { MaxObjects = 50 }, Ct))
            {
                whole.Add(objectContent);
            }

            var trimmed = new InventoryBuilder(alarmsRequested: true);
            var options = new RetrieveOptions { MaxObjects = 50, ValueFilters = InventoryPropertySpecs.ValueFilters };
            await foreach (var objectContent in client.RetrievePropertiesAsync(filter, options, Ct))
            {
                trimmed.Add(objectContent);
            }

            var expected = whole.Build();
            var actual = trimmed.Build();

            Assert.NotEmpty(expected.VmNics!);
            Assert.NotEmpty(expected.VmDisks!);
            Assert.Contains(expected.VmDisks!, d => d.ControllerLabel is not null && d.FileName is not null);
            Assert.Contains(expected.VmNics!, n => n.NetworkType == "distributed" && n.Label is not null && n.MacAddress is not null);
            Assert.Equal(expected.Vms, actual.Vms);
            Assert.Equal(expected.VmNics, actual.VmNics);
            Assert.Equal(expected.VmDisks, actual.VmDisks);
            Assert.Equal(expected.VmPartitions, actual.VmPartitions);
            Assert.Equal(expected.VmSnapshots, actual.VmSnapshots);
            Assert.Equal(expected.Hosts, actual.Hosts);
            Assert.Equal(expected.Clusters, actual.Clusters);
            Assert.Equal(expected.Datastores, actual.Datastores);
            Assert.Equal(expected.DatastoreHosts, actual.DatastoreHosts);
            Assert.Equal(expected.Networks, actual.Networks);
            Assert.Equal(expected.Alarms, actual.Alarms);
            Assert.Equal(expected.Warnings, actual.Warnings);
            Assert.Equal(expected.TotalObjects, actual.TotalObjects);
        }
        finally
        {
            await client.DestroyViewAsync(view, Ct);
        }
    }
}
