package main

import (
	"fmt"
	"hash/fnv"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// Inventory changes made from the control endpoint, each marking the objects it touches in the change
// feed (changefeed.go), so that WaitForUpdatesEx reports them as enter, leave or modify.

// mutation is the part of a control request the change operations read.
type mutation struct {
	VM        string `json:"vm,omitempty"`
	Name      string `json:"name,omitempty"`
	State     string `json:"state,omitempty"`
	Network   string `json:"network,omitempty"`
	DeviceKey *int32 `json:"deviceKey,omitempty"`
	Enabled   *bool  `json:"enabled,omitempty"`
	FreeSpace *int64 `json:"freeSpace,omitempty"`
	Datastore string `json:"datastore,omitempty"`
	Portgroup string `json:"portgroup,omitempty"`
	VlanID    *int32 `json:"vlanId,omitempty"`
	Count     int    `json:"count,omitempty"`
}

// mutate runs a change operation; ok is false when op is not one.
func (c *controlHandler) mutate(req *controlRequest) (res interface{}, ok bool, err error) {
	m := &req.mutation
	switch req.Op {
	case "createVM":
		res, err = c.createVM(m.Name, req.Host)
	case "destroyVM":
		res, err = c.destroyVM(m.VM)
	case "rename":
		res, err = c.rename(req.Entity, req.EntityType, m.Name)
	case "powerVM":
		res, err = c.powerVM(m.VM, m.State)
	case "powerOnMany":
		res, err = c.powerMany(m.Count, types.VirtualMachinePowerStatePoweredOff, types.VirtualMachinePowerStatePoweredOn)
	case "powerOffMany":
		res, err = c.powerMany(m.Count, types.VirtualMachinePowerStatePoweredOn, types.VirtualMachinePowerStatePoweredOff)
	case "moveVM":
		res, err = c.moveVM(m.VM, req.Host)
	case "addNic":
		res, err = c.addNic(m.VM, m.Network)
	case "removeNic":
		res, err = c.removeNic(m.VM, m.DeviceKey)
	case "hostMaintenance":
		res, err = c.hostMaintenance(req.Host, m.Enabled)
	case "datastoreFreeSpace":
		res, err = c.datastoreFreeSpace(m.Datastore, m.FreeSpace)
	case "portgroupVlan":
		res, err = c.portgroupVlan(m.Portgroup, m.VlanID)
	case "invalidateCollectors":
		res = obj{"epoch": invalidateCollectors()}
	case "watchStatus":
		res = watchStatus()
	default:
		return nil, false, nil
	}
	return res, true, err
}

func (c *controlHandler) vm(value string) (*simulator.VirtualMachine, error) {
	e, err := c.findEntity(value, "VirtualMachine")
	if err != nil {
		return nil, err
	}
	return e.(*simulator.VirtualMachine), nil
}

func (c *controlHandler) hostInfo(value string) (*hostInfo, error) {
	e, err := c.findEntity(value, "HostSystem")
	if err != nil {
		return nil, err
	}
	for _, h := range c.w.hosts {
		if h.obj.Self == e.Reference() {
			return h, nil
		}
	}
	return nil, fmt.Errorf("host %q is not part of the seeded world", value)
}

func vmJSON(vm *simulator.VirtualMachine) obj {
	host := ""
	if vm.Runtime.Host != nil {
		host = vm.Runtime.Host.Value
	}
	return obj{"moref": vm.Self.Value, "name": vm.Name, "powerState": vm.Runtime.PowerState, "host": host,
		"at": time.Now().UTC().Format(time.RFC3339Nano)}
}

func (c *controlHandler) createVM(name, host string) (interface{}, error) {
	if name == "" {
		return nil, fmt.Errorf("createVM needs a name")
	}
	var h *hostInfo
	if host != "" {
		var err error
		if h, err = c.hostInfo(host); err != nil {
			return nil, err
		}
	} else {
		for _, x := range c.w.hosts {
			if len(x.ds) > 0 && x.obj.Runtime.ConnectionState == types.HostSystemConnectionStateConnected {
				h = x
				break
			}
		}
	}
	if h == nil || len(h.ds) == 0 {
		return nil, fmt.Errorf("no host with a datastore to place the VM on")
	}
	folder := c.w.vmFolder
	if h.cluster != nil {
		folder = h.cluster.folder
	}
	vm := c.w.newVM(name, h, false, len(c.w.vms))
	c.w.placeVM(vm, h, folder, false, len(c.w.vms))
	c.w.vms = append(c.w.vms, vm)
	markDirty(vm.Self, h.obj.Self)
	markDirty(vm.Datastore...)
	markDirty(vm.Network...)
	return vmJSON(vm), nil
}

func (c *controlHandler) destroyVM(value string) (interface{}, error) {
	vm, err := c.vm(value)
	if err != nil {
		return nil, err
	}
	ref := vm.Self
	out := vmJSON(vm)
	touched := []types.ManagedObjectReference{}
	if vm.Parent != nil {
		if f, ok := simulator.Map.Get(*vm.Parent).(*simulator.Folder); ok {
			simulator.RemoveReference(&f.ChildEntity, ref)
		}
	}
	if vm.Runtime.Host != nil {
		if h, ok := simulator.Map.Get(*vm.Runtime.Host).(*simulator.HostSystem); ok {
			simulator.RemoveReference(&h.Vm, ref)
			touched = append(touched, h.Self)
		}
	}
	if vm.ResourcePool != nil {
		if p, ok := simulator.Map.Get(*vm.ResourcePool).(*simulator.ResourcePool); ok {
			simulator.RemoveReference(&p.Vm, ref)
		}
	}
	for _, d := range vm.Datastore {
		if ds, ok := simulator.Map.Get(d).(*simulator.Datastore); ok {
			simulator.RemoveReference(&ds.Vm, ref)
			touched = append(touched, d)
		}
	}
	for _, n := range vm.Network {
		unlinkNetwork(n, ref)
		touched = append(touched, n)
	}
	for i, x := range c.w.vms {
		if x == vm {
			c.w.vms = append(c.w.vms[:i:i], c.w.vms[i+1:]...)
			break
		}
	}
	simulator.Map.Remove(ref)
	markDirty(append(touched, ref)...)
	return out, nil
}

func unlinkNetwork(n, vm types.ManagedObjectReference) {
	switch x := simulator.Map.Get(n).(type) {
	case *mo.Network:
		simulator.RemoveReference(&x.Vm, vm)
	case *simulator.DistributedVirtualPortgroup:
		simulator.RemoveReference(&x.Vm, vm)
	}
}

func linkNetwork(n, vm types.ManagedObjectReference) {
	switch x := simulator.Map.Get(n).(type) {
	case *mo.Network:
		addReference(&x.Vm, vm)
	case *simulator.DistributedVirtualPortgroup:
		addReference(&x.Vm, vm)
	}
}

func (c *controlHandler) rename(value, kind, name string) (interface{}, error) {
	if name == "" {
		return nil, fmt.Errorf("rename needs a name")
	}
	e, err := c.findEntity(value, kind)
	if err != nil {
		return nil, err
	}
	e.Entity().Name = name
	switch x := e.(type) {
	case *simulator.VirtualMachine:
		if x.Config != nil {
			x.Config.Name = name
		}
		x.Summary.Config.Name = name
	case *simulator.HostSystem:
		x.Summary.Config.Name = name
	case *simulator.Datastore:
		x.Summary.Name = name
		if info, ok := x.Info.(types.BaseDatastoreInfo); ok && info != nil {
			info.GetDatastoreInfo().Name = name
		}
	case *simulator.DistributedVirtualPortgroup:
		if x.Config.Name != "" {
			x.Config.Name = name
		}
	}
	markDirty(e.Reference())
	return obj{"moref": e.Reference().Value, "type": e.Reference().Type, "name": name}, nil
}

func (c *controlHandler) powerVM(value, state string) (interface{}, error) {
	vm, err := c.vm(value)
	if err != nil {
		return nil, err
	}
	s := types.VirtualMachinePowerState(state)
	switch s {
	case types.VirtualMachinePowerStatePoweredOn, types.VirtualMachinePowerStatePoweredOff, types.VirtualMachinePowerStateSuspended:
	case "on":
		s = types.VirtualMachinePowerStatePoweredOn
	case "off":
		s = types.VirtualMachinePowerStatePoweredOff
	default:
		return nil, fmt.Errorf("state must be poweredOn, poweredOff or suspended")
	}
	setPower(vm, s)
	return vmJSON(vm), nil
}

// setPower changes a VM's power state as vCenter shows it: runtime, summary, boot time and guest.
func setPower(vm *simulator.VirtualMachine, s types.VirtualMachinePowerState) {
	if vm.Runtime.PowerState == s {
		return
	}
	vm.Runtime.PowerState = s
	if s == types.VirtualMachinePowerStatePoweredOn {
		t := time.Now().UTC()
		vm.Runtime.BootTime = &t
	} else if s == types.VirtualMachinePowerStatePoweredOff {
		vm.Runtime.BootTime = nil
	}
	vm.Summary.Runtime.PowerState = s
	vm.Summary.Runtime.BootTime = vm.Runtime.BootTime
	(&hooks{}).UpdateObject(&vm.VirtualMachine, []types.PropertyChange{{Name: "runtime.powerState", Op: types.PropertyChangeOpAssign, Val: s}})
	if s == types.VirtualMachinePowerStatePoweredOn && vm.Guest != nil && vm.Guest.IpAddress == "" &&
		vm.Guest.ToolsRunningStatus == "guestToolsRunning" {
		h := fnv.New32a()
		_, _ = h.Write([]byte(vm.Self.Value))
		n := h.Sum32()
		g := *vm.Guest
		g.IpAddress = fmt.Sprintf("10.%d.%d.%d", 64+n%64, (n>>8)%256, 1+(n>>16)%254)
		vm.Guest = &g
		if vm.Summary.Guest != nil {
			sg := *vm.Summary.Guest
			sg.IpAddress = g.IpAddress
			vm.Summary.Guest = &sg
		}
	}
}

// powerMany moves up to count VMs (not templates) from one power state to another at once: a burst.
func (c *controlHandler) powerMany(count int, from, to types.VirtualMachinePowerState) (interface{}, error) {
	if count <= 0 {
		return nil, fmt.Errorf("powerOnMany and powerOffMany need count > 0")
	}
	var done []string
	for _, vm := range c.w.vms {
		if len(done) == count {
			break
		}
		if vm.Runtime.PowerState != from || (vm.Config != nil && vm.Config.Template) {
			continue
		}
		setPower(vm, to)
		done = append(done, vm.Self.Value)
	}
	return obj{"vms": done, "count": len(done), "at": time.Now().UTC().Format(time.RFC3339Nano)}, nil
}

func (c *controlHandler) moveVM(value, host string) (interface{}, error) {
	vm, err := c.vm(value)
	if err != nil {
		return nil, err
	}
	h, err := c.hostInfo(host)
	if err != nil {
		return nil, err
	}
	touched := []types.ManagedObjectReference{vm.Self, h.obj.Self}
	if vm.Runtime.Host != nil {
		if old, ok := simulator.Map.Get(*vm.Runtime.Host).(*simulator.HostSystem); ok {
			simulator.RemoveReference(&old.Vm, vm.Self)
			touched = append(touched, old.Self)
		}
	}
	addReference(&h.obj.Vm, vm.Self)
	self := h.obj.Self
	vm.Runtime.Host = &self
	vm.Summary.Runtime.Host = &self
	if vm.ResourcePool != nil {
		if p, ok := simulator.Map.Get(*vm.ResourcePool).(*simulator.ResourcePool); ok {
			simulator.RemoveReference(&p.Vm, vm.Self)
		}
		pool := h.pool
		vm.ResourcePool = &pool
		if p, ok := simulator.Map.Get(pool).(*simulator.ResourcePool); ok {
			addReference(&p.Vm, vm.Self)
		}
	}
	markDirty(touched...)
	return vmJSON(vm), nil
}

func (c *controlHandler) hostMaintenance(host string, enabled *bool) (interface{}, error) {
	h, err := c.hostInfo(host)
	if err != nil {
		return nil, err
	}
	on := enabled == nil || *enabled
	h.obj.Runtime.InMaintenanceMode = on
	h.obj.Summary.Runtime = &h.obj.Runtime
	markDirty(h.obj.Self)
	return obj{"host": h.obj.Self.Value, "name": h.obj.Name, "inMaintenanceMode": on}, nil
}

func (c *controlHandler) datastoreFreeSpace(value string, free *int64) (interface{}, error) {
	if free == nil || *free < 0 {
		return nil, fmt.Errorf("datastoreFreeSpace needs freeSpace >= 0")
	}
	e, err := c.findEntity(value, "Datastore")
	if err != nil {
		return nil, err
	}
	ds := e.(*simulator.Datastore)
	if *free > ds.Summary.Capacity {
		return nil, fmt.Errorf("freeSpace exceeds the capacity %d", ds.Summary.Capacity)
	}
	ds.Summary.FreeSpace = *free
	if info, ok := ds.Info.(types.BaseDatastoreInfo); ok && info != nil {
		info.GetDatastoreInfo().FreeSpace = *free
	}
	markDirty(ds.Self)
	return obj{"datastore": ds.Self.Value, "name": ds.Name, "freeSpace": *free}, nil
}

func (c *controlHandler) portgroupVlan(value string, vlan *int32) (interface{}, error) {
	if vlan == nil || *vlan < 0 || *vlan > 4094 {
		return nil, fmt.Errorf("portgroupVlan needs vlanId 0-4094")
	}
	e, err := c.findEntity(value, "DistributedVirtualPortgroup")
	if err != nil {
		return nil, err
	}
	pg := e.(*simulator.DistributedVirtualPortgroup)
	setting := &types.VMwareDVSPortSetting{}
	if old, ok := pg.Config.DefaultPortConfig.(*types.VMwareDVSPortSetting); ok && old != nil {
		cp := *old
		setting = &cp
	}
	setting.Vlan = &types.VmwareDistributedVirtualSwitchVlanIdSpec{VlanId: *vlan}
	pg.Config.DefaultPortConfig = setting
	markDirty(pg.Self)
	return obj{"portgroup": pg.Self.Value, "name": pg.Name, "vlanId": *vlan}, nil
}
