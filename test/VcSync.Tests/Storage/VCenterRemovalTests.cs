using VcSync.Storage.Schema;

namespace VcSync.Tests.Storage;

/// <summary>
/// Removing a vCenter while its sync is being written, in both stores: on PostgreSQL the inventory tables have no
/// foreign key to <c>vcenters</c>, so the write's lock on the vCenter's row and the removal's own deletes keep a
/// removed vCenter from leaving rows behind.
/// </summary>
public abstract partial class InventoryStoreTests
{
    [Fact]
    public async Task A_removal_waits_for_the_write_in_progress_and_takes_its_rows_too()
    {
        await using var store = await OpenStoreAsync();
        var vcenter = await AddVCenterAsync(store, "vc01");
        var other = await AddVCenterAsync(store, "vc02");
        var snapshot = SnapshotBuilder.Build(vms: 30);
        await store.WriteSyncAsync(Write(other, snapshot, T1), Ct);

        Task<bool> removal;
        await using (var session = await store.BeginSyncWriteAsync(Write(vcenter, snapshot, T1), Ct))
        {
            await session.WriteVmsAsync(snapshot.With(vms: snapshot.Vms.Take(15).ToList()), Ct);
            // On a thread of its own: SQLite's calls block while they wait for the write lock.
            removal = Task.Run(() => store.RemoveVCenterAsync(vcenter.Id, Ct), Ct);
            await Task.Delay(300, Ct);
            Assert.False(removal.IsCompleted, "the removal went ahead of the write holding the vCenter");

            await session.WriteVmsAsync(snapshot.With(vms: snapshot.Vms.Skip(15).ToList()), Ct);
            await session.CompleteAsync(snapshot.Alarms, [], Ct);
        }

        Assert.True(await removal);
        foreach (var table in ContractSchema.Tables.Where(t => t.VCenterColumn == "source_vcenter_id"))
        {
            Assert.Empty(await store.ListRowsAsync(table.Name, vcenter.Id, Ct));
        }

        Assert.Equal(30, (await store.ListRowsAsync("vcenter_vms", other.Id, Ct)).Count);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteSyncAsync(Write(vcenter, snapshot, T2), Ct));
        Assert.Contains("not registered", refused.Message, StringComparison.Ordinal);
    }
}
