package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// hostPortgroup is a standard-switch portgroup: its vSwitch and VLAN id (0 none, 4095 all).
type hostPortgroup struct {
	name, vswitch string
	vlan          int32
}

// Every host has the management portgroups; standard VM networks add theirs.
var basePortgroups = []hostPortgroup{{"Management Network", "vSwitch0", 10}, {"vMotion", "vSwitch0", 20}}

var networkPortgroups = map[string]hostPortgroup{
	"VM Network":     {"VM Network", "vSwitch0", 0},
	"Backup Network": {"Backup Network", "vSwitch1", 200},
	"DMZ Standard":   {"DMZ Standard", "vSwitch1", 4095},
}

// createHostPortgroups writes config.network (vSwitches and portgroups) of every host. Hosts with the same
// standard networks share one read-only HostNetworkInfo, to keep big worlds cheap.
func (w *world) createHostPortgroups() error {
	profiles := map[string]*types.HostNetworkInfo{}
	for _, h := range w.hosts {
		pgs := append([]hostPortgroup(nil), basePortgroups...)
		var names []string
		for _, n := range h.stdNet {
			if pg, ok := networkPortgroups[n.Name]; ok {
				pgs = append(pgs, pg)
				names = append(names, n.Name)
			}
		}
		key := strings.Join(names, "|")
		info, ok := profiles[key]
		if !ok {
			info = hostNetworkInfo(h.obj, pgs)
			profiles[key] = info
		}
		h.obj.Config.Network = info
	}
	return nil
}

func hostNetworkInfo(h *simulator.HostSystem, pgs []hostPortgroup) *types.HostNetworkInfo {
	info := types.HostNetworkInfo{}
	if h.Config.Network != nil {
		info = *h.Config.Network
	}
	info.Vswitch = nil
	info.Portgroup = nil
	switches := map[string]*types.HostVirtualSwitch{}
	var order []string
	for _, pg := range pgs {
		sw, ok := switches[pg.vswitch]
		if !ok {
			sw = &types.HostVirtualSwitch{
				Name: pg.vswitch, Key: "key-vim.host.VirtualSwitch-" + pg.vswitch, NumPorts: 2560, NumPortsAvailable: 2520, Mtu: 1500,
				Spec: types.HostVirtualSwitchSpec{NumPorts: 128, Mtu: 1500},
			}
			switches[pg.vswitch] = sw
			order = append(order, pg.vswitch)
		}
		key := "key-vim.host.PortGroup-" + pg.name
		sw.Portgroup = append(sw.Portgroup, key)
		info.Portgroup = append(info.Portgroup, types.HostPortGroup{
			Key:     key,
			Vswitch: sw.Key,
			Spec: types.HostPortGroupSpec{
				Name: pg.name, VlanId: pg.vlan, VswitchName: pg.vswitch,
				Policy: types.HostNetworkPolicy{Security: &types.HostNetworkSecurityPolicy{
					AllowPromiscuous: types.NewBool(false), MacChanges: types.NewBool(true), ForgedTransmits: types.NewBool(true),
				}},
			},
		})
	}
	for _, name := range order {
		info.Vswitch = append(info.Vswitch, *switches[name])
	}
	return &info
}

// Dell BIOS releases per model family.
var biosReleases = map[string]struct {
	version string
	date    time.Time
}{
	"R750":    {"1.10.2", time.Date(2023, 5, 16, 0, 0, 0, 0, time.UTC)},
	"R650":    {"1.11.2", time.Date(2023, 8, 2, 0, 0, 0, 0, time.UTC)},
	"R740xd":  {"2.19.1", time.Date(2023, 6, 21, 0, 0, 0, 0, time.UTC)},
	"R640":    {"2.19.1", time.Date(2023, 6, 21, 0, 0, 0, 0, time.UTC)},
	"R760":    {"1.6.6", time.Date(2024, 1, 12, 0, 0, 0, 0, time.UTC)},
	"MX750c":  {"1.12.1", time.Date(2023, 9, 5, 0, 0, 0, 0, time.UTC)},
	"MX740c":  {"2.18.1", time.Date(2023, 3, 30, 0, 0, 0, 0, time.UTC)},
	"default": {"1.0.0", time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)},
}

// setBios writes hardware.biosInfo as a Dell PowerEdge reports it.
func (w *world) setBios(h *simulator.HostSystem, model string) {
	rel, ok := biosReleases[strings.TrimPrefix(model, "PowerEdge ")]
	if !ok {
		rel = biosReleases["default"]
	}
	date := rel.date
	var major, minor int32
	_, _ = fmt.Sscanf(rel.version, "%d.%d", &major, &minor)
	h.Hardware.BiosInfo = &types.HostBIOSInfo{
		BiosVersion: rel.version, ReleaseDate: &date, Vendor: "Dell Inc.", MajorRelease: major, MinorRelease: minor,
	}
}
