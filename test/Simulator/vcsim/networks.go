package main

import (
	"fmt"
	"strconv"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

type dvsInfo struct {
	dc     *dcInfo
	obj    *simulator.DistributedVirtualSwitch
	pgs    []*simulator.DistributedVirtualPortgroup // VM portgroups, uplink excluded
	uplink *simulator.DistributedVirtualPortgroup
	hosts  []*hostInfo
}

const clustersPerSwitch = 30

// createNetworks makes standard networks and VmwareDistributedVirtualSwitches with portgroups
// of every VLAN flavour, and links hosts to them.
func (w *world) createNetworks() error {
	// Standard networks: vcsim's "VM Network" plus two more, on the standalone hosts and some clusters.
	vmNet := simulator.Map.Get(w.dc.Network[0]).(*mo.Network)
	w.stdNets = append(w.stdNets, vmNet, w.newStdNetwork("Backup Network"), w.newStdNetwork("DMZ Standard"))
	for i, h := range w.hosts {
		if dc := w.dcOf(h); dc != w.primary {
			if i%2 == 0 && dc.vmNetwork != nil {
				h.stdNet = []*mo.Network{dc.vmNetwork}
			}
		} else if h.cluster == nil || i%4 == 0 {
			h.stdNet = w.stdNets
		} else if i%4 == 1 {
			h.stdNet = w.stdNets[:1]
		}
		for _, n := range h.stdNet {
			n.Host = append(n.Host, h.obj.Self)
			h.obj.Network = append(h.obj.Network, n.Self)
		}
	}

	nSwitch := 1 + len(w.clusters)/clustersPerSwitch
	for i := 0; i < nSwitch; i++ {
		w.switches = append(w.switches, w.newSwitch(w.primary, fmt.Sprintf("DSwitch-%02d", i+1)))
	}
	var secondSwitch *dvsInfo
	if w.second != nil {
		secondSwitch = w.newSwitch(w.second, "DSwitch-RTM")
	}
	for i, c := range w.clusters {
		c.dvs = w.switches[i%nSwitch]
		if c.dc == w.second && secondSwitch != nil {
			c.dvs = secondSwitch
		}
		for _, h := range c.hosts {
			h.dvs = c.dvs
		}
	}
	for _, h := range w.hosts {
		if h.dvs == nil {
			h.dvs = w.switches[0]
		}
		h.dvs.hosts = append(h.dvs.hosts, h)
	}

	vlans := []types.BaseVmwareDistributedVirtualSwitchVlanSpec{
		&types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: 100},
		&types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: 0},
		&types.VmwareDistributedVirtualSwitchTrunkVlanSpec{VlanId: []types.NumericRange{{Start: 100, End: 199}, {Start: 300, End: 300}, {Start: 1009, End: 1019}}},
		&types.VmwareDistributedVirtualSwitchPvlanSpec{PvlanId: 201},
	}
	names := []string{"dvpg-prod-vlan100", "dvpg-untagged", "dvpg-trunk-esx", "dvpg-pvlan-201"}
	for i := 0; i < w.cfg.Portgroups; i++ {
		var vlan types.BaseVmwareDistributedVirtualSwitchVlanSpec
		var name string
		if i < len(vlans) {
			vlan, name = vlans[i], names[i]
		} else {
			id := int32(101 + i)
			vlan = &types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: id}
			name = "dvpg-" + w.pick("app", "web", "db", "mgmt", "dev", "test") + "-vlan" + strconv.Itoa(int(id))
		}
		sw := w.switches[i%nSwitch]
		if i < len(vlans) {
			sw = w.switches[0]
		}
		pg := w.newPortgroup(sw, name, vlan, false)
		sw.pgs = append(sw.pgs, pg)
	}
	all := w.switches
	if secondSwitch != nil {
		for _, id := range []int32{500, 501} {
			secondSwitch.pgs = append(secondSwitch.pgs, w.newPortgroup(secondSwitch, "dvpg-rtm-vlan"+strconv.Itoa(int(id)),
				&types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: id}, false))
		}
		all = append(append([]*dvsInfo(nil), w.switches...), secondSwitch)
	}
	for _, sw := range all {
		if len(sw.pgs) == 0 {
			sw.pgs = append(sw.pgs, w.newPortgroup(sw, sw.obj.Name+"-default", &types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: 10}, false))
		}
		members := make([]types.ManagedObjectReference, 0, len(sw.hosts))
		for _, h := range sw.hosts {
			members = append(members, h.obj.Self)
		}
		sw.obj.Summary.HostMember = members
		for _, pg := range append([]*simulator.DistributedVirtualPortgroup{sw.uplink}, sw.pgs...) {
			pg.Host = append([]types.ManagedObjectReference(nil), members...)
			for _, h := range sw.hosts {
				h.obj.Network = append(h.obj.Network, pg.Self)
			}
		}
	}
	return nil
}

func (w *world) newStdNetwork(name string) *mo.Network {
	n := &mo.Network{}
	n.Name = name
	n.Entity().Name = name
	putChild(w.netFolder, n)
	n.Summary = &types.NetworkSummary{Network: &n.Self, Name: name, Accessible: true}
	w.dc.Network = append(w.dc.Network, n.Self)
	return n
}

func (w *world) newSwitch(dc *dcInfo, name string) *dvsInfo {
	s := &simulator.DistributedVirtualSwitch{}
	s.Self.Type = "VmwareDistributedVirtualSwitch"
	s.Name = name
	s.Entity().Name = name
	s.Uuid = w.uuid()
	putChild(dc.netFolder, s)
	s.Summary = types.DVSSummary{
		Name: name,
		Uuid: s.Uuid,
		ProductInfo: &types.DistributedVirtualSwitchProductSpec{
			Name: "DVS", Vendor: "VMware, Inc.", Version: "8.0.0", Build: "21813344", ForwardingClass: "etherswitch",
		},
	}
	s.Config = &types.VMwareDVSConfigInfo{DVSConfigInfo: types.DVSConfigInfo{Uuid: s.Uuid, Name: name, MaxPorts: 2147483647, NumPorts: 512}}
	info := &dvsInfo{obj: s, dc: dc}
	info.uplink = w.newPortgroup(info, name+"-DVUplinks", &types.VmwareDistributedVirtualSwitchTrunkVlanSpec{VlanId: []types.NumericRange{{Start: 0, End: 4094}}}, true)
	s.Config.GetDVSConfigInfo().UplinkPortgroup = []types.ManagedObjectReference{info.uplink.Self}
	return info
}

func (w *world) newPortgroup(sw *dvsInfo, name string, vlan types.BaseVmwareDistributedVirtualSwitchVlanSpec, uplink bool) *simulator.DistributedVirtualPortgroup {
	pg := &simulator.DistributedVirtualPortgroup{}
	pg.Name = name
	pg.Entity().Name = name
	putChild(sw.dc.netFolder, pg)
	pg.Key = pg.Self.Value
	pg.Summary = &types.NetworkSummary{Network: &pg.Self, Name: name, Accessible: true}
	pg.Config = types.DVPortgroupConfigInfo{
		Key:                      pg.Key,
		Name:                     name,
		NumPorts:                 128,
		DistributedVirtualSwitch: &sw.obj.Self,
		Type:                     string(types.DistributedVirtualPortgroupPortgroupTypeEarlyBinding),
		DefaultPortConfig: &types.VMwareDVSPortSetting{
			Vlan: vlan,
			UplinkTeamingPolicy: &types.VmwareUplinkPortTeamingPolicy{
				Policy: &types.StringPolicy{Value: "loadbalance_srcid"},
			},
		},
		Policy: &types.VMwareDVSPortgroupPolicy{},
	}
	if uplink {
		pg.Config.Uplink = types.NewBool(true)
	}
	sw.dc.dc.Network = append(sw.dc.dc.Network, pg.Self)
	sw.obj.Portgroup = append(sw.obj.Portgroup, pg.Self)
	sw.obj.Summary.PortgroupName = append(sw.obj.Summary.PortgroupName, name)
	return pg
}
