using VcSync.Inventory;
using VcSync.Inventory.Records;
using static VcSync.Tests.Inventory.Vim;

namespace VcSync.Tests.Inventory;

public class AlarmTests
{
    private static readonly DateTimeOffset Triggered = new(2026, 11, 26, 4, 42, 18, 938, TimeSpan.FromHours(1));

    [Fact]
    public void Alarms_are_deduplicated_by_key_and_named_from_the_inventory()
    {
        var vm = Ref("VirtualMachine", "vm-42");
        var host = Ref("HostSystem", "host-95");
        var states = List(
            AlarmState("alarm-101.host-95", host, "alarm-101", "red", Triggered),
            AlarmState("alarm-7.vm-42", vm, "alarm-7", "yellow", Triggered, acknowledged: true, by: "VSPHERE.LOCAL\\admin",
                ackTime: new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(-5))),
            AlarmState("alarm-101.host-95", host, "alarm-101", "red", Triggered),
            AlarmState("alarm-7.vm-42", vm, "alarm-7", "yellow", Triggered, acknowledged: true, by: "VSPHERE.LOCAL\\admin"),
            AlarmState("alarm-3.datacenter-1", Ref("Datacenter", "datacenter-1"), "alarm-3", "red", Triggered, acknowledged: null),
            AlarmState("alarm-4.dvs-1", Ref("VmwareDistributedVirtualSwitch", "dvs-1"), "alarm-4"),
            AlarmState("alarm-5.ds-1", Ref("Datastore", "ds-1"), "alarm-5"),
            AlarmState("alarm-6.c1", Ref("ClusterComputeResource", "c1"), "alarm-6"),
            AlarmState("alarm-8.pg1", Ref("DistributedVirtualPortgroup", "pg1"), "alarm-8"));

        var builder = new InventoryBuilder();
        builder.Add(Obj("Folder", "group-d1", ("triggeredAlarmState", states)));
        builder.Add(Obj("VirtualMachine", "vm-42", ("name", "web01")));
        builder.Add(Obj("HostSystem", "host-95", ("name", "esx95")));
        builder.Add(Obj("VmwareDistributedVirtualSwitch", "dvs-1", ("name", "DSwitch")));
        builder.Add(Obj("Datastore", "ds-1", ("name", "DS1")));
        builder.Add(Obj("ClusterComputeResource", "c1", ("name", "C1")));
        builder.Add(Obj("DistributedVirtualPortgroup", "pg1", ("name", "PG1")));
        var snapshot = builder.Build();

        Assert.NotNull(snapshot.Alarms);
        Assert.Equal(7, snapshot.Alarms.Count);
        var byKey = snapshot.Alarms.ToDictionary(a => a.AlarmKey);

        Assert.Equal(new AlarmRecord
        {
            AlarmKey = "alarm-101.host-95",
            EntityMoref = "host-95",
            EntityType = "HostSystem",
            EntityName = "esx95",
            AlarmMoref = "alarm-101",
            OverallStatus = "red",
            TriggeredAt = Triggered,
            Acknowledged = false,
        }, byKey["alarm-101.host-95"]);

        var ack = byKey["alarm-7.vm-42"];
        Assert.Equal("web01", ack.EntityName);
        Assert.Equal("VirtualMachine", ack.EntityType);
        Assert.True(ack.Acknowledged);
        Assert.Equal("VSPHERE.LOCAL\\admin", ack.AcknowledgedBy);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero), ack.AcknowledgedAt);
        Assert.Equal(TimeSpan.Zero, ack.AcknowledgedAt!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, ack.TriggeredAt!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 3, 42, 18, 938, TimeSpan.Zero), ack.TriggeredAt);

        // Not in the inventory tables: no name.
        Assert.Null(byKey["alarm-3.datacenter-1"].EntityName);
        Assert.Equal("Datacenter", byKey["alarm-3.datacenter-1"].EntityType);
        Assert.False(byKey["alarm-3.datacenter-1"].Acknowledged);
        Assert.Null(byKey["alarm-4.dvs-1"].EntityName);

        Assert.Equal("DS1", byKey["alarm-5.ds-1"].EntityName);
        Assert.Equal("C1", byKey["alarm-6.c1"].EntityName);
        Assert.Equal("PG1", byKey["alarm-8.pg1"].EntityName);

        // Every object the retrieval returned counts, the root folder that carries the alarms included.
        Assert.Equal(7, snapshot.TotalObjects);
    }

    [Fact]
    public void Alarm_definitions_are_distinct_and_names_apply_before_build()
    {
        var builder = new InventoryBuilder(alarmsRequested: true);
        builder.Add(Obj("Folder", "group-d1", ("triggeredAlarmState", List(
            AlarmState("alarm-1.host-1", Ref("HostSystem", "host-1"), "alarm-1"),
            AlarmState("alarm-1.host-2", Ref("HostSystem", "host-2"), "alarm-1"),
            AlarmState("alarm-2.vm-1", Ref("VirtualMachine", "vm-1"), "alarm-2")))));

        Assert.Equal([Ref("Alarm", "alarm-1"), Ref("Alarm", "alarm-2")], builder.AlarmDefinitions);
        var filter = InventoryPropertySpecs.AlarmNameFilter(builder.AlarmDefinitions);
        Assert.Equal(2, filter!.ObjectSet.Count);

        builder.Add(Obj("Alarm", "alarm-1", ("info.name", "Host connection state")));
        builder.Add(Obj("Alarm", "alarm-2", ("info.name", "VM CPU usage")));
        var alarms = builder.Build().Alarms!;

        Assert.Equal(["Host connection state", "Host connection state", "VM CPU usage"], alarms.Select(a => a.AlarmName));
    }

    [Fact]
    public void Names_apply_to_a_built_snapshot()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("Folder", "group-d1", ("triggeredAlarmState", List(
            AlarmState("alarm-1.host-1", Ref("HostSystem", "host-1"), "alarm-1"),
            AlarmState("alarm-2.vm-1", Ref("VirtualMachine", "vm-1"), "alarm-2")))));
        var snapshot = builder.Build();
        Assert.All(snapshot.Alarms!, a => Assert.Null(a.AlarmName));

        var named = InventoryBuilder.ApplyAlarmNames(snapshot, [Obj("Alarm", "alarm-1", ("info.name", "Host connection state"))]);
        Assert.Equal(["Host connection state", null], named.Alarms!.Select(a => a.AlarmName));
        Assert.Same(snapshot.Vms, named.Vms);
    }

    [Fact]
    public void Without_alarms_in_the_retrieval_the_snapshot_has_none()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("VirtualMachine", "vm-1", ("name", "a")));
        Assert.Null(builder.Build().Alarms);
        Assert.Empty(builder.AlarmDefinitions);
    }

    [Fact]
    public void A_root_folder_with_no_triggered_alarms_gives_an_empty_list()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("Folder", "group-d1"));
        var alarms = builder.Build().Alarms;
        Assert.NotNull(alarms);
        Assert.Empty(alarms);

        Assert.NotNull(new InventoryBuilder(alarmsRequested: true).Build().Alarms);
    }

    [Fact]
    public void A_triggeredAlarmState_the_server_could_not_read_leaves_alarms_unread()
    {
        var builder = new InventoryBuilder();
        builder.Add(WithMissing(Obj("Folder", "group-d1"), "triggeredAlarmState"));
        Assert.Null(builder.Build().Alarms);
    }

    [Fact]
    public void Incomplete_alarm_states_are_skipped()
    {
        var builder = new InventoryBuilder();
        builder.Add(Obj("Folder", "group-d1", ("triggeredAlarmState", List(
            Data("AlarmState", ("key", "k1"), ("entity", Ref("HostSystem", "h")), ("alarm", "alarm-1")),
            Data("AlarmState", ("key", "k2"), ("alarm", Ref("Alarm", "alarm-1"))),
            Data("AlarmState", ("key", "k3"), ("entity", Ref("HostSystem", "h")), ("alarm", Ref("Alarm", "alarm-1")),
                ("time", "yesterday"), ("acknowledged", "yes"))))));
        var alarm = Assert.Single(builder.Build().Alarms!);
        Assert.Equal("k3", alarm.AlarmKey);
        Assert.Null(alarm.TriggeredAt);
        Assert.False(alarm.Acknowledged);
        Assert.Null(alarm.OverallStatus);
    }
}
