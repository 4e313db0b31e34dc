package main

import (
	"fmt"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// The devices every VM has and nobody changes, shared by all VMs (read-only) to keep big worlds cheap.
var commonDevices = func() []types.BaseVirtualDevice {
	desc := func(label, summary string) *types.Description { return &types.Description{Label: label, Summary: summary} }
	cdrom := &types.VirtualCdrom{VirtualDevice: types.VirtualDevice{
		Key: 3002, DeviceInfo: desc("CD/DVD drive 1", "Remote device"), ControllerKey: 201, UnitNumber: types.NewInt32(0),
		Backing: &types.VirtualCdromRemotePassthroughBackingInfo{VirtualDeviceRemoteDeviceBackingInfo: types.VirtualDeviceRemoteDeviceBackingInfo{UseAutoDetect: types.NewBool(false)}},
		Connectable: &types.VirtualDeviceConnectInfo{AllowGuestControl: true, Status: "untried"},
	}}
	return []types.BaseVirtualDevice{
		&types.VirtualIDEController{VirtualController: types.VirtualController{VirtualDevice: types.VirtualDevice{Key: 200, DeviceInfo: desc("IDE 0", "IDE 0")}}},
		&types.VirtualIDEController{VirtualController: types.VirtualController{VirtualDevice: types.VirtualDevice{Key: 201, DeviceInfo: desc("IDE 1", "IDE 1")}, BusNumber: 1, Device: []int32{3002}}},
		&types.VirtualPS2Controller{VirtualController: types.VirtualController{VirtualDevice: types.VirtualDevice{Key: 300, DeviceInfo: desc("PS2 controller 0", "PS2 controller 0")}, Device: []int32{600, 700}}},
		&types.VirtualPCIController{VirtualController: types.VirtualController{VirtualDevice: types.VirtualDevice{Key: 100, DeviceInfo: desc("PCI controller 0", "PCI controller 0")}, Device: []int32{500, 12000, 1000, 4000}}},
		&types.VirtualSIOController{VirtualController: types.VirtualController{VirtualDevice: types.VirtualDevice{Key: 400, DeviceInfo: desc("SIO controller 0", "SIO controller 0")}}},
		&types.VirtualKeyboard{VirtualDevice: types.VirtualDevice{Key: 600, DeviceInfo: desc("Keyboard", "Keyboard"), ControllerKey: 300, UnitNumber: types.NewInt32(0)}},
		&types.VirtualPointingDevice{VirtualDevice: types.VirtualDevice{Key: 700, DeviceInfo: desc("Pointing device", "Pointing device; Device"), ControllerKey: 300, UnitNumber: types.NewInt32(1),
			Backing: &types.VirtualPointingDeviceDeviceBackingInfo{HostPointingDevice: "autodetect", VirtualDeviceDeviceBackingInfo: types.VirtualDeviceDeviceBackingInfo{UseAutoDetect: types.NewBool(false)}}}},
		&types.VirtualMachineVideoCard{VirtualDevice: types.VirtualDevice{Key: 500, DeviceInfo: desc("Video card ", "Video card"), ControllerKey: 100, UnitNumber: types.NewInt32(0)},
			VideoRamSizeInKB: 4096, NumDisplays: 1, UseAutoDetect: types.NewBool(false), Enable3DSupport: types.NewBool(false), Use3dRenderer: "automatic"},
		&types.VirtualMachineVMCIDevice{VirtualDevice: types.VirtualDevice{Key: 12000, DeviceInfo: desc("VMCI device", "Device on the virtual machine PCI bus that provides support for the virtual machine communication interface"), ControllerKey: 100, UnitNumber: types.NewInt32(17)},
			Id: 1754519335, AllowUnrestrictedCommunication: types.NewBool(false), FilterEnable: types.NewBool(true)},
		cdrom,
	}
}()

// vmNic is where one virtual NIC is plugged.
type vmNic struct {
	std *mo.Network
	pg  *simulator.DistributedVirtualPortgroup
	sw  *dvsInfo
}

func (n vmNic) name() string {
	if n.pg != nil {
		return n.pg.Name
	}
	return n.std.Name
}

func (n vmNic) ref() types.ManagedObjectReference {
	if n.pg != nil {
		return n.pg.Self
	}
	return n.std.Self
}

// chooseNics picks one to four NICs on the host's distributed portgroups and standard networks.
func (w *world) chooseNics(h *hostInfo) []vmNic {
	count := 1
	switch r := w.rng.Float64(); {
	case r < 0.05:
		count = 4
	case r < 0.15:
		count = 3
	case r < 0.40:
		count = 2
	}
	var nics []vmNic
	for i := 0; i < count; i++ {
		if h.dvs != nil && len(h.dvs.pgs) > 0 && (len(h.stdNet) == 0 || w.chance(0.8)) {
			nics = append(nics, vmNic{pg: h.dvs.pgs[w.rng.Intn(len(h.dvs.pgs))], sw: h.dvs})
		} else if len(h.stdNet) > 0 {
			nics = append(nics, vmNic{std: h.stdNet[w.rng.Intn(len(h.stdNet))]})
		}
	}
	return nics
}

var nicKinds = []string{"vmxnet3", "vmxnet3", "vmxnet3", "vmxnet3", "e1000e", "e1000"}

// newNic builds a virtual NIC of a random adapter type.
func (w *world) newNic(i int, n vmNic, mac string, connected bool) types.BaseVirtualDevice {
	dev := types.VirtualDevice{
		Key:        int32(4000 + i),
		DeviceInfo: &types.Description{Label: fmt.Sprintf("Network adapter %d", i+1), Summary: n.name()},
		Connectable: &types.VirtualDeviceConnectInfo{
			StartConnected: connected || w.chance(0.5), AllowGuestControl: true, Connected: connected, Status: "ok",
		},
		ControllerKey: 100,
		UnitNumber:    types.NewInt32(int32(7 + i)),
	}
	if n.pg != nil {
		dev.Backing = &types.VirtualEthernetCardDistributedVirtualPortBackingInfo{Port: types.DistributedVirtualSwitchPortConnection{
			SwitchUuid: n.sw.obj.Uuid, PortgroupKey: n.pg.Key, PortKey: fmt.Sprint(w.rng.Intn(128)), ConnectionCookie: int32(w.rng.Intn(1 << 30)),
		}}
	} else {
		ref := n.std.Self
		dev.Backing = &types.VirtualEthernetCardNetworkBackingInfo{
			VirtualDeviceDeviceBackingInfo: types.VirtualDeviceDeviceBackingInfo{DeviceName: n.std.Name, UseAutoDetect: types.NewBool(false)},
			Network:                        &ref,
		}
	}
	card := types.VirtualEthernetCard{VirtualDevice: dev, AddressType: "assigned", MacAddress: mac, WakeOnLanEnabled: types.NewBool(true)}
	switch nicKinds[w.rng.Intn(len(nicKinds))] {
	case "e1000e":
		return &types.VirtualE1000e{VirtualEthernetCard: card}
	case "e1000":
		return &types.VirtualE1000{VirtualEthernetCard: card}
	}
	return &types.VirtualVmxnet3{VirtualVmxnet: types.VirtualVmxnet{VirtualEthernetCard: card}}
}

// vmDisk is one virtual disk as placed: its datastore and size.
type vmDisk struct {
	ds       *dsInfo
	capacity int64
	thin     bool
	used     int64
}

// chooseDisks picks one to four disks on the host's datastores, the first on the VM's home datastore.
func (w *world) chooseDisks(h *hostInfo, home *dsInfo, huge bool) []vmDisk {
	count := 1 + w.rng.Intn(3)
	if w.chance(0.05) {
		count = 4
	}
	disks := make([]vmDisk, 0, count)
	for i := 0; i < count; i++ {
		ds := home
		if i > 0 && w.chance(0.5) {
			ds = h.ds[w.rng.Intn(len(h.ds))]
		}
		capacity := int64(40+w.rng.Intn(61)) << 30
		if i > 0 {
			capacity = int64(50+w.rng.Intn(2000)) << 30
		}
		if huge && i == 0 {
			capacity = 62 << 40 // the vSphere maximum for a virtual disk
		}
		d := vmDisk{ds: ds, capacity: capacity, thin: w.chance(0.4)}
		d.used = d.capacity
		if d.thin {
			d.used = d.capacity / 100 * int64(5+w.rng.Intn(90))
		}
		disks = append(disks, d)
	}
	return disks
}

// diskDevices builds the SCSI controllers and virtual disks.
func (w *world) diskDevices(vmName string, disks []vmDisk, windows bool) []types.BaseVirtualDevice {
	ctrlKeys := []int32{1000}
	if len(disks) > 2 && w.chance(0.5) {
		ctrlKeys = append(ctrlKeys, 1001)
	}
	controllers := make([]*types.VirtualSCSIController, len(ctrlKeys))
	out := make([]types.BaseVirtualDevice, 0, len(disks)+len(ctrlKeys))
	for i, key := range ctrlKeys {
		c := types.VirtualSCSIController{
			VirtualController: types.VirtualController{VirtualDevice: types.VirtualDevice{
				Key: key, DeviceInfo: &types.Description{Label: fmt.Sprintf("SCSI controller %d", i), Summary: "VMware paravirtual SCSI"},
				ControllerKey: 100, UnitNumber: types.NewInt32(int32(3 + i)),
			}, BusNumber: int32(i)},
			HotAddRemove: types.NewBool(true), SharedBus: types.VirtualSCSISharingNoSharing, ScsiCtlrUnitNumber: 7,
		}
		if windows {
			c.DeviceInfo.(*types.Description).Summary = "LSI Logic SAS"
			d := &types.VirtualLsiLogicSASController{VirtualSCSIController: c}
			controllers[i] = &d.VirtualSCSIController
			out = append(out, d)
		} else {
			d := &types.ParaVirtualSCSIController{VirtualSCSIController: c}
			controllers[i] = &d.VirtualSCSIController
			out = append(out, d)
		}
	}
	for i, d := range disks {
		ci := 0
		if len(ctrlKeys) > 1 && i >= 2 {
			ci = 1
		}
		unit := int32(len(controllers[ci].Device))
		key := 2000 + int32(ci)*16 + unit
		controllers[ci].Device = append(controllers[ci].Device, key)
		file := fmt.Sprintf("[%s] %s/%s.vmdk", d.ds.obj.Name, vmName, vmName)
		if i > 0 {
			file = fmt.Sprintf("[%s] %s/%s_%d.vmdk", d.ds.obj.Name, vmName, vmName, i)
		}
		mode := string(types.VirtualDiskModePersistent)
		if w.chance(0.05) {
			mode = string(types.VirtualDiskModeIndependent_persistent)
		}
		sharing := string(types.VirtualDiskSharingSharingNone)
		if w.chance(0.02) {
			sharing = string(types.VirtualDiskSharingSharingMultiWriter)
		}
		ds := d.ds.obj.Self
		out = append(out, &types.VirtualDisk{
			VirtualDevice: types.VirtualDevice{
				Key:           key,
				DeviceInfo:    &types.Description{Label: fmt.Sprintf("Hard disk %d", i+1), Summary: fmt.Sprintf("%d KB", d.capacity>>10)},
				ControllerKey: ctrlKeys[ci],
				UnitNumber:    types.NewInt32(unit),
				Backing: &types.VirtualDiskFlatVer2BackingInfo{
					VirtualDeviceFileBackingInfo: types.VirtualDeviceFileBackingInfo{FileName: file, Datastore: &ds},
					DiskMode:                     mode, ThinProvisioned: types.NewBool(d.thin), EagerlyScrub: types.NewBool(!d.thin && w.chance(0.2)),
					Split: types.NewBool(false), WriteThrough: types.NewBool(false), Uuid: strings.ToUpper(w.uuid()), Sharing: sharing,
				},
			},
			CapacityInKB:    d.capacity >> 10,
			CapacityInBytes: d.capacity,
		})
	}
	return out
}

// guestDisks are the file systems the tools report (guest.disk). filesystemType (API 7.0) is left unset: the
// simulator does not trim answers to the client's API version as vCenter does, and pyVmomi 6.7 cannot parse it.
func (w *world) guestDisks(disks []vmDisk, windows bool) []types.GuestDiskInfo {
	var out []types.GuestDiskInfo
	for i, d := range disks {
		free := d.capacity / 100 * int64(10+w.rng.Intn(80))
		if windows {
			out = append(out, types.GuestDiskInfo{DiskPath: string(rune('C'+i)) + `:\`, Capacity: d.capacity - (1 << 20), FreeSpace: free})
			continue
		}
		if i == 0 {
			boot := int64(1 << 30)
			out = append(out,
				types.GuestDiskInfo{DiskPath: "/boot", Capacity: boot, FreeSpace: boot / 2},
				types.GuestDiskInfo{DiskPath: "/", Capacity: d.capacity - boot - (1 << 20), FreeSpace: free})
			continue
		}
		out = append(out, types.GuestDiskInfo{DiskPath: fmt.Sprintf("/data%d", i), Capacity: d.capacity - (1 << 20), FreeSpace: free})
	}
	return out
}

func (w *world) mac() string {
	return fmt.Sprintf("00:50:56:%02x:%02x:%02x", w.rng.Intn(64), w.rng.Intn(256), w.rng.Intn(256))
}
