using VcSync.Tests.Support;

namespace VcSync.Tests.Sync;

/// <summary>Names full of XML, SQL and Unicode traps reach the database exactly as vSphere returns them.</summary>
[Collection(SimulatorCollection.Name)]
public sealed class HostileNameTests(SimulatorFixture fixture)
{
    /// <summary>The names the simulator gives its first VMs (see test/Simulator/vcsim/vms.go), written out here.</summary>
    public static readonly string[] HostileVmNames =
    [
        "Finance <DB> & \"Reports\" 'Q4'",
        "quote\"in'name",
        "Тестовая-ВМ-01",
        "测试虚拟机-02",
        "rocket-\U0001F680-vm",
        "  leading-space-vm",
        "trailing-space-vm  ",
        "tab\tand ampersand &amp; entity",
    ];

    [Fact]
    public async Task Hostile_vm_names_round_trip_unchanged()
    {
        var simulator = fixture.Simulator;
        await using var db = await SyncDatabase.CreateSqliteAsync();
        var vcenter = await db.RegisterAsync(simulator);

        await db.SyncAsync(vcenter, simulator);

        var served = (await SimulatorReads.ReadAsync(simulator)).Of("VirtualMachine").Select(v => (string)v["name"]!).ToHashSet();
        var stored = (await db.Store.ListRowsAsync("vcenter_vms", vcenter.Id, TestContext.Current.CancellationToken))
            .Select(r => (string)r["name"]!)
            .ToHashSet();
        foreach (var name in HostileVmNames)
        {
            Assert.Contains(name, served);
            Assert.Contains(name, stored);

            // Read back with plain SQL too: the bytes on disk, not only what the store hands back.
            var count = await SqliteDump.ScalarAsync(
                db.Connection, $"SELECT count(*) FROM vcenter_vms WHERE name = '{name.Replace("'", "''", StringComparison.Ordinal)}'");
            Assert.Equal(1L, count);
        }
    }
}
