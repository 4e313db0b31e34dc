package main

import (
	"fmt"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// addReference appends ref unless the list holds it already.
func addReference(field *[]types.ManagedObjectReference, ref types.ManagedObjectReference) {
	for _, r := range *field {
		if r == ref {
			return
		}
	}
	*field = append(*field, ref)
}

// ethernetCards returns the VM's network adapters.
func ethernetCards(vm *simulator.VirtualMachine) []types.BaseVirtualEthernetCard {
	var out []types.BaseVirtualEthernetCard
	if vm.Config == nil {
		return nil
	}
	for _, d := range vm.Config.Hardware.Device {
		if c, ok := d.(types.BaseVirtualEthernetCard); ok {
			out = append(out, c)
		}
	}
	return out
}

// cardNetwork returns the network an adapter is backed by.
func cardNetwork(c types.BaseVirtualEthernetCard) (types.ManagedObjectReference, bool) {
	switch b := c.GetVirtualEthernetCard().Backing.(type) {
	case *types.VirtualEthernetCardNetworkBackingInfo:
		if b.Network != nil {
			return *b.Network, true
		}
	case *types.VirtualEthernetCardDistributedVirtualPortBackingInfo:
		for _, e := range simulator.Map.All("DistributedVirtualPortgroup") {
			if pg, ok := e.(*simulator.DistributedVirtualPortgroup); ok && pg.Key == b.Port.PortgroupKey {
				return pg.Self, true
			}
		}
	}
	return types.ManagedObjectReference{}, false
}

// addNic adds a vmxnet3 adapter on a network (moref or name) and links the VM to that network.
func (c *controlHandler) addNic(value, network string) (interface{}, error) {
	vm, err := c.vm(value)
	if err != nil {
		return nil, err
	}
	if vm.Config == nil {
		return nil, fmt.Errorf("VM %s has no config", vm.Self.Value)
	}
	e, err := c.findEntity(network, "DistributedVirtualPortgroup")
	if err != nil {
		if e, err = c.findEntity(network, "Network"); err != nil {
			return nil, err
		}
	}
	ref := e.Reference()
	key := int32(4000)
	for _, d := range vm.Config.Hardware.Device {
		if k := d.GetVirtualDevice().Key; k >= key {
			key = k + 1
		}
	}
	n := len(ethernetCards(vm)) + 1
	card := &types.VirtualVmxnet3{}
	card.Key = key
	card.DeviceInfo = &types.Description{Label: fmt.Sprintf("Network adapter %d", n), Summary: e.Entity().Name}
	card.AddressType = "assigned"
	card.MacAddress = fmt.Sprintf("00:50:56:%02x:%02x:%02x", (key>>8)&0xff, key&0xff, n)
	card.Connectable = &types.VirtualDeviceConnectInfo{StartConnected: true, Connected: vm.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn, Status: "ok"}
	if pg, ok := e.(*simulator.DistributedVirtualPortgroup); ok {
		uuid := ""
		if pg.Config.DistributedVirtualSwitch != nil {
			if sw, ok := simulator.Map.Get(*pg.Config.DistributedVirtualSwitch).(*simulator.DistributedVirtualSwitch); ok {
				uuid = sw.Uuid
			}
		}
		card.Backing = &types.VirtualEthernetCardDistributedVirtualPortBackingInfo{
			Port: types.DistributedVirtualSwitchPortConnection{SwitchUuid: uuid, PortgroupKey: pg.Key},
		}
	} else {
		card.Backing = &types.VirtualEthernetCardNetworkBackingInfo{
			VirtualDeviceDeviceBackingInfo: types.VirtualDeviceDeviceBackingInfo{DeviceName: e.Entity().Name},
			Network:                        &ref,
		}
	}
	vm.Config.Hardware.Device = append(vm.Config.Hardware.Device, card)
	addReference(&vm.Network, ref)
	linkNetwork(ref, vm.Self)
	vm.Summary.Config.NumEthernetCards = int32(len(vm.Network))
	if cards := len(ethernetCards(vm)); int(vm.Summary.Config.NumEthernetCards) < cards {
		vm.Summary.Config.NumEthernetCards = int32(cards)
	}
	markDirty(vm.Self, ref)
	return obj{"moref": vm.Self.Value, "deviceKey": key, "network": ref.Value, "networks": len(vm.Network)}, nil
}

// removeNic removes an adapter (by device key, else the last one). A VM seeded without adapter devices
// loses its last network instead.
func (c *controlHandler) removeNic(value string, key *int32) (interface{}, error) {
	vm, err := c.vm(value)
	if err != nil {
		return nil, err
	}
	cards := ethernetCards(vm)
	var removed types.ManagedObjectReference
	switch {
	case len(cards) > 0:
		victim := cards[len(cards)-1]
		if key != nil {
			victim = nil
			for _, c := range cards {
				if c.GetVirtualEthernetCard().Key == *key {
					victim = c
				}
			}
			if victim == nil {
				return nil, fmt.Errorf("VM %s has no network adapter %d", vm.Self.Value, *key)
			}
		}
		devs := vm.Config.Hardware.Device[:0:0]
		for _, d := range vm.Config.Hardware.Device {
			if d != victim.(types.BaseVirtualDevice) {
				devs = append(devs, d)
			}
		}
		vm.Config.Hardware.Device = devs
		removed, _ = cardNetwork(victim)
		still := false
		for _, c := range ethernetCards(vm) {
			if n, ok := cardNetwork(c); ok && n == removed {
				still = true
			}
		}
		if still {
			removed = types.ManagedObjectReference{}
		}
	case len(vm.Network) > 0:
		removed = vm.Network[len(vm.Network)-1]
	default:
		return nil, fmt.Errorf("VM %s has no network adapter", vm.Self.Value)
	}
	if removed.Value != "" {
		simulator.RemoveReference(&vm.Network, removed)
		unlinkNetwork(removed, vm.Self)
	}
	n := int32(len(ethernetCards(vm)))
	if n == 0 {
		n = int32(len(vm.Network))
	}
	vm.Summary.Config.NumEthernetCards = n
	markDirty(vm.Self, removed)
	return obj{"moref": vm.Self.Value, "network": removed.Value, "networks": len(vm.Network)}, nil
}
