package main

import (
	"sync/atomic"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// hooks listens to vcsim's registry to keep derived data true to vCenter:
// a powered-off VM loses its guest IP, and a removed entity loses its triggered alarms and
// its place in the vm lists of the networks it was on.
type hooks struct {
	self types.ManagedObjectReference
}

var alarmsDirty int32

func installHooks() {
	simulator.Map.AddHandler(&hooks{self: types.ManagedObjectReference{Type: "VcsyncHooks", Value: "hooks"}})
}

func (h *hooks) Reference() types.ManagedObjectReference { return h.self }

func (h *hooks) PutObject(obj mo.Reference) { markDirty(obj.Reference()) }

// UpdateObject runs inside the task that changed obj (obj already locked by that call).
func (h *hooks) UpdateObject(obj mo.Reference, changes []types.PropertyChange) {
	markDirty(obj.Reference())
	vm, ok := obj.(*mo.VirtualMachine)
	if !ok {
		return
	}
	for _, c := range changes {
		if c.Name != "runtime.powerState" {
			continue
		}
		state, _ := c.Val.(types.VirtualMachinePowerState)
		if vm.Guest == nil {
			continue
		}
		g := *vm.Guest
		if state == types.VirtualMachinePowerStatePoweredOn {
			if g.ToolsStatus != types.VirtualMachineToolsStatusToolsNotInstalled {
				g.ToolsRunningStatus = "guestToolsRunning"
				g.GuestState = "running"
				if g.ToolsStatus == types.VirtualMachineToolsStatusToolsNotRunning {
					g.ToolsStatus = types.VirtualMachineToolsStatusToolsOk
				}
			}
		} else {
			g.IpAddress = ""
			g.Net = nil
			g.HostName = ""
			g.GuestState = "notRunning"
			g.ToolsRunningStatus = "guestToolsNotRunning"
			if g.ToolsStatus == types.VirtualMachineToolsStatusToolsOk || g.ToolsStatus == types.VirtualMachineToolsStatusToolsOld {
				g.ToolsStatus = types.VirtualMachineToolsStatusToolsNotRunning
			}
		}
		vm.Guest = &g
		if vm.Summary.Guest != nil {
			sg := *vm.Summary.Guest
			sg.IpAddress, sg.HostName, sg.ToolsStatus, sg.ToolsRunningStatus = g.IpAddress, g.HostName, g.ToolsStatus, g.ToolsRunningStatus
			vm.Summary.Guest = &sg
		}
		vm.Summary.Runtime.PowerState = state
	}
}

// RemoveObject runs while vcsim still holds locks; the alarm clean-up is deferred to the next read.
func (h *hooks) RemoveObject(ref types.ManagedObjectReference) {
	markDirty(ref)
	atomic.StoreInt32(&alarmsDirty, 1)
}

// refreshAlarms drops alarms of entities that no longer exist, and destroyed VMs from network vm
// lists. Called before each retrieval.
func refreshAlarms() {
	if !atomic.CompareAndSwapInt32(&alarmsDirty, 1, 0) {
		return
	}
	worldLock.Lock()
	defer worldLock.Unlock()
	dropRemovedVMsFromNetworks()
	alarms.mu.Lock()
	defer alarms.mu.Unlock()
	kept := alarms.states[:0:0]
	changed := false
	for _, s := range alarms.states {
		if simulator.Map.Get(s.Entity) == nil {
			changed = true
			continue
		}
		kept = append(kept, s)
	}
	if changed {
		alarms.states = kept
		alarms.apply()
	}
}

// dropRemovedVMsFromNetworks: the seeded VMs are linked to their networks directly, without NIC
// devices, so vcsim's Destroy_Task (which unlinks through the devices) leaves them listed there.
func dropRemovedVMsFromNetworks() {
	for _, kind := range []string{"Network", "DistributedVirtualPortgroup"} {
		for _, e := range simulator.Map.All(kind) {
			var vms *[]types.ManagedObjectReference
			switch n := e.(type) {
			case *mo.Network:
				vms = &n.Vm
			case *simulator.DistributedVirtualPortgroup:
				vms = &n.Vm
			default:
				continue
			}
			kept := (*vms)[:0:0]
			for _, vm := range *vms {
				if simulator.Map.Get(vm) != nil {
					kept = append(kept, vm)
				}
			}
			if len(kept) != len(*vms) {
				*vms = kept
			}
		}
	}
}
