package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// guestOS is a guest id with its full name.
type guestOS struct{ id, full string }

var guestOSes = []guestOS{
	{"windows2019srv_64Guest", "Microsoft Windows Server 2019 (64-bit)"},
	{"windows2019srvNext_64Guest", "Microsoft Windows Server 2022 (64-bit)"},
	{"rhel8_64Guest", "Red Hat Enterprise Linux 8 (64-bit)"},
	{"rhel9_64Guest", "Red Hat Enterprise Linux 9 (64-bit)"},
	{"ubuntu64Guest", "Ubuntu Linux (64-bit)"},
	{"sles15_64Guest", "SUSE Linux Enterprise 15 (64-bit)"},
	{"centos7_64Guest", "CentOS 7 (64-bit)"},
	{"debian11_64Guest", "Debian GNU/Linux 11 (64-bit)"},
	{"vmwarePhoton64Guest", "VMware Photon OS (64-bit)"},
	{"otherLinux64Guest", "Other Linux (64-bit)"},
}

// specialNames are VM names that trip up XML, SQL and string handling.
var specialNames = []string{
	`Finance <DB> & "Reports" 'Q4'`,
	`quote"in'name`,
	"Тестовая-ВМ-01",
	"测试虚拟机-02",
	"rocket-🚀-vm",
	"  leading-space-vm",
	"trailing-space-vm  ",
	"tab\tand ampersand &amp; entity",
}

var appPrefixes = []string{"web", "app", "db", "api", "cache", "batch", "etl", "mq", "ldap", "build"}

// createVMs builds the VirtualMachine objects directly (no vcsim tasks or files) so that tens of
// thousands of them start in seconds.
func (w *world) createVMs() error {
	n := w.cfg.VMs
	if n == 0 {
		return nil
	}
	standaloneFolder := w.newFolder(w.vmFolder, "Standalone", "VirtualMachine", "Folder")
	templateFolder := w.newFolder(w.vmFolder, "Templates", "VirtualMachine", "Folder")
	usable := make([]*hostInfo, 0, len(w.hosts))
	for _, h := range w.hosts {
		if len(h.ds) > 0 {
			usable = append(usable, h)
		}
	}
	var hostile *simulator.Folder
	for i := 0; i < n; i++ {
		h := usable[w.rng.Intn(len(usable))]
		name := fmt.Sprintf("%s-%05d", appPrefixes[w.rng.Intn(len(appPrefixes))], i+1)
		if i < len(specialNames) {
			name = specialNames[i]
		}
		template := i >= len(specialNames) && w.chance(0.02)
		folder := standaloneFolder
		switch {
		case template && w.dcOf(h) != w.primary:
			folder = w.dcOf(h).vmFolder
			name = "tpl-" + name
		case template:
			folder = templateFolder
			name = "tpl-" + name
		case h.cluster != nil && i < len(specialNames):
			if hostile == nil || hostile.Parent == nil || *hostile.Parent != h.cluster.folder.Self {
				hostile = w.newFolder(h.cluster.folder, `Finance & <Legal> "Q4" %2f H1`, "VirtualMachine", "Folder")
			}
			folder = hostile
		case h.cluster != nil:
			folder = w.appFolder(h.cluster, name)
		}
		vm := w.newVM(name, h, template, i)
		w.placeVM(vm, h, folder, template, i)
		w.vms = append(w.vms, vm)
	}
	return nil
}

// clusterVMParent is the folder that holds a cluster's VM folder: nested folders in the first datacenter,
// the datacenter's own VM folder in the second.
func (w *world) clusterVMParent(dc *dcInfo, i int) *simulator.Folder {
	if dc != w.primary {
		return dc.vmFolder
	}
	if w.prodFolder == nil {
		w.prodFolder = w.newFolder(w.vmFolder, "Production", "VirtualMachine", "Folder")
		nonProd := w.newFolder(w.vmFolder, "Non-Production", "VirtualMachine", "Folder")
		w.devFolder = w.newFolder(nonProd, "Test & Dev", "VirtualMachine", "Folder")
	}
	if i%2 == 0 {
		return w.prodFolder
	}
	return w.devFolder
}

// appFolder puts some of a cluster's VMs in a sub-folder named after their application.
func (w *world) appFolder(c *clusterInfo, name string) *simulator.Folder {
	if !w.chance(0.4) {
		return c.folder
	}
	app := name[:strings.IndexByte(name, '-')]
	if c.apps == nil {
		c.apps = map[string]*simulator.Folder{}
	}
	f, ok := c.apps[app]
	if !ok {
		f = w.newFolder(c.folder, app, "VirtualMachine", "Folder")
		c.apps[app] = f
	}
	return f
}

func (w *world) newVM(name string, h *hostInfo, template bool, index int) *simulator.VirtualMachine {
	vm := &simulator.VirtualMachine{}
	vm.Name = name
	osx := guestOSes[w.rng.Intn(len(guestOSes))]
	cpus := []int32{1, 2, 2, 4, 4, 8, 16}[w.rng.Intn(7)]
	coresPerSocket := int32(1)
	if cpus >= 4 && w.chance(0.5) {
		coresPerSocket = cpus / 2
	}
	mem := []int32{1024, 2048, 4096, 8192, 16384, 32768, 65536}[w.rng.Intn(7)]
	uuid, instUUID := w.uuid(), w.uuid()

	power := types.VirtualMachinePowerStatePoweredOn
	switch r := w.rng.Float64(); {
	case template || r < 0.18:
		power = types.VirtualMachinePowerStatePoweredOff
	case r < 0.22:
		power = types.VirtualMachinePowerStateSuspended
	}
	hostDown := h.obj.Runtime.ConnectionState != types.HostSystemConnectionStateConnected

	tools := types.VirtualMachineToolsStatusToolsOk
	toolsVer := "guestToolsCurrent"
	switch r := w.rng.Float64(); {
	case r < 0.08:
		tools, toolsVer = types.VirtualMachineToolsStatusToolsNotInstalled, "guestToolsNotInstalled"
	case r < 0.20:
		tools, toolsVer = types.VirtualMachineToolsStatusToolsOld, "guestToolsNeedUpgrade"
	case r < 0.25:
		toolsVer = "guestToolsUnmanaged"
	case r < 0.28:
		toolsVer = "guestToolsSupportedOld"
	}
	running := "guestToolsRunning"
	if power != types.VirtualMachinePowerStatePoweredOn || tools == types.VirtualMachineToolsStatusToolsNotInstalled {
		running = "guestToolsNotRunning"
		if tools == types.VirtualMachineToolsStatusToolsOk || tools == types.VirtualMachineToolsStatusToolsOld {
			tools = types.VirtualMachineToolsStatusToolsNotRunning
		}
	}
	ip := ""
	if power == types.VirtualMachinePowerStatePoweredOn && running == "guestToolsRunning" && !w.chance(0.08) {
		ip = fmt.Sprintf("10.%d.%d.%d", w.rng.Intn(64), w.rng.Intn(256), 1+w.rng.Intn(254))
	}
	guestState := "notRunning"
	if running == "guestToolsRunning" {
		guestState = "running"
	}
	hostName := ""
	if ip != "" {
		hostName = fmt.Sprintf("%s.corp.example", sanitizeHost(name))
	}

	vm.Config = &types.VirtualMachineConfigInfo{
		ChangeVersion:      w.epoch.Format(time.RFC3339Nano),
		Modified:           w.epoch,
		Name:               name,
		GuestFullName:      osx.full,
		Version:            w.pick("vmx-14", "vmx-15", "vmx-17", "vmx-19", "vmx-20", "vmx-21"),
		Uuid:               uuid,
		InstanceUuid:       instUUID,
		Template:           template,
		GuestId:            osx.id,
		AlternateGuestName: "",
		Files:              types.VirtualMachineFileInfo{},
		Hardware: types.VirtualHardware{
			NumCPU:            cpus,
			NumCoresPerSocket: coresPerSocket,
			MemoryMB:          mem,
		},
		Firmware: w.pick("bios", "efi"),
	}
	if w.chance(0.3) || index < len(specialNames) {
		vm.Config.Annotation = "Owner: team-" + appPrefixes[w.rng.Intn(len(appPrefixes))]
	}
	if index == 0 {
		vm.Config.Annotation = "=HYPERLINK(\"http://evil.example\")\nsecond line <b>&amp;</b>"
	} else if index == 1 {
		vm.Config.Annotation = "@SUM(1+1) -- 'quoted' \"annotation\""
	}
	if vm.Config.Firmware == "efi" {
		vm.Config.BootOptions = &types.VirtualMachineBootOptions{EfiSecureBootEnabled: types.NewBool(w.chance(0.6)), BootDelay: 0}
	} else {
		vm.Config.BootOptions = &types.VirtualMachineBootOptions{EfiSecureBootEnabled: types.NewBool(false)}
	}
	if w.cfg.apiAtLeast(6, 7) {
		created := w.epoch.Add(-time.Duration(w.rng.Intn(1500*24)) * time.Hour)
		vm.Config.CreateDate = &created
	}
	vm.Config.CpuAllocation = w.allocation(int64(cpus)*2000, 1000*cpus, index)
	vm.Config.MemoryAllocation = w.allocation(int64(mem), 10*mem, index)
	vm.CustomValue = w.customValues(index)
	var boot *time.Time
	if power == types.VirtualMachinePowerStatePoweredOn {
		t := w.epoch.Add(-time.Duration(w.rng.Intn(90*24*60)) * time.Minute)
		boot = &t
	}
	vm.Runtime = types.VirtualMachineRuntimeInfo{
		Host:            &h.obj.Self,
		ConnectionState: types.VirtualMachineConnectionStateConnected,
		PowerState:      power,
		BootTime:        boot,
		MaxCpuUsage:     cpus * h.obj.Summary.Hardware.CpuMhz,
		MaxMemoryUsage:  mem,
	}
	if hostDown {
		vm.Runtime.ConnectionState = types.VirtualMachineConnectionStateDisconnected
		if h.obj.Runtime.ConnectionState == types.HostSystemConnectionStateNotResponding {
			vm.Runtime.ConnectionState = types.VirtualMachineConnectionStateInaccessible
		}
	}
	vm.Guest = &types.GuestInfo{
		ToolsStatus:         tools,
		ToolsVersionStatus:  toolsVer,
		ToolsVersionStatus2: toolsVer,
		ToolsRunningStatus:  running,
		ToolsVersion:        "12352",
		GuestId:             osx.id,
		GuestFullName:       osx.full,
		GuestState:          guestState,
		IpAddress:           ip,
		HostName:            hostName,
	}
	if tools == types.VirtualMachineToolsStatusToolsNotInstalled {
		vm.Guest.ToolsVersion = "0"
	}
	committed := int64(1+w.rng.Intn(200)) << 30
	vm.Summary = types.VirtualMachineSummary{
		Runtime: vm.Runtime,
		Guest: &types.VirtualMachineGuestSummary{
			GuestId: osx.id, GuestFullName: osx.full, ToolsStatus: tools,
			ToolsVersionStatus: toolsVer, ToolsVersionStatus2: toolsVer, ToolsRunningStatus: running,
			HostName: hostName, IpAddress: ip,
		},
		Config: types.VirtualMachineConfigSummary{
			Name: name, Template: template, MemorySizeMB: mem, NumCpu: cpus, NumEthernetCards: 1, NumVirtualDisks: 1,
			Uuid: uuid, InstanceUuid: instUUID, GuestId: osx.id, GuestFullName: osx.full, Annotation: vm.Config.Annotation,
		},
		OverallStatus: types.ManagedEntityStatusGreen,
	}
	if !w.chance(0.01) {
		vm.Summary.Storage = &types.VirtualMachineStorageSummary{
			Committed:   committed,
			Uncommitted: int64(w.rng.Intn(300)) << 30,
			Unshared:    committed,
			Timestamp:   w.epoch,
		}
	}
	vm.Layout = &types.VirtualMachineFileLayout{}
	vm.LayoutEx = &types.VirtualMachineFileLayoutEx{Timestamp: w.epoch}
	vm.Storage = &types.VirtualMachineStorageInfo{Timestamp: w.epoch}
	return vm
}

// placeVM registers a VM and links it to its folder, host, pool, datastores and networks, and gives it its
// devices, guest file systems and NICs, snapshots and storage summary.
func (w *world) placeVM(vm *simulator.VirtualMachine, h *hostInfo, folder *simulator.Folder, template bool, index int) {
	putChild(folder, vm)
	vm.Summary.Vm = &vm.Self
	home := h.ds[w.rng.Intn(len(h.ds))]
	path := fmt.Sprintf("[%s] %s/%s.vmx", home.obj.Name, vm.Name, vm.Name)
	dir := fmt.Sprintf("[%s] %s", home.obj.Name, vm.Name)
	vm.Config.Files = types.VirtualMachineFileInfo{VmPathName: path, SnapshotDirectory: dir, SuspendDirectory: dir, LogDirectory: dir}
	vm.Summary.Config.VmPathName = path

	h.obj.Vm = append(h.obj.Vm, vm.Self)
	if !template {
		pool := h.pool
		vm.ResourcePool = &pool
		rp := simulator.Map.Get(pool)
		if p, ok := rp.(*simulator.ResourcePool); ok {
			p.Vm = append(p.Vm, vm.Self)
		}
	}
	if h.cluster != nil {
		vm.EnvironmentBrowser = *h.cluster.obj.EnvironmentBrowser
	} else if h.cr.EnvironmentBrowser != nil {
		vm.EnvironmentBrowser = *h.cr.EnvironmentBrowser
	}

	windows := strings.HasPrefix(vm.Config.GuestId, "windows")
	disks := w.chooseDisks(h, home, index == 0)
	nics := w.chooseNics(h)
	devices := make([]types.BaseVirtualDevice, 0, len(commonDevices)+len(disks)+len(nics)+2)
	devices = append(devices, commonDevices...)
	devices = append(devices, w.diskDevices(vm.Name, disks, windows)...)

	running := vm.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn
	toolsUp := vm.Guest.ToolsRunningStatus == "guestToolsRunning"
	var guestNet []types.GuestNicInfo
	var seenNet []types.ManagedObjectReference
	for i, n := range nics {
		mac := w.mac()
		connected := running && !w.chance(0.05)
		devices = append(devices, w.newNic(i, n, mac, connected))
		ref := n.ref()
		if !containsRef(seenNet, ref) {
			seenNet = append(seenNet, ref)
			if n.pg != nil {
				n.pg.Vm = append(n.pg.Vm, vm.Self)
			} else {
				n.std.Vm = append(n.std.Vm, vm.Self)
			}
		}
		if toolsUp {
			nic := types.GuestNicInfo{Network: n.name(), MacAddress: mac, Connected: connected, DeviceConfigId: int32(4000 + i)}
			if vm.Guest.IpAddress != "" && connected {
				ip := vm.Guest.IpAddress
				if i > 0 {
					ip = fmt.Sprintf("172.%d.%d.%d", 16+w.rng.Intn(16), w.rng.Intn(256), 1+w.rng.Intn(254))
				}
				nic.IpAddress = []string{ip, fmt.Sprintf("fe80::250:56ff:fe%02x:%04x", w.rng.Intn(256), w.rng.Intn(65536))}
			}
			guestNet = append(guestNet, nic)
		}
	}
	vm.Config.Hardware.Device = devices
	vm.Network = seenNet
	if toolsUp {
		vm.Guest.Net = guestNet
		vm.Guest.Disk = w.guestDisks(disks, windows)
	}

	var committed, uncommitted int64
	var stores []types.ManagedObjectReference
	for _, d := range disks {
		committed += d.used
		uncommitted += d.capacity - d.used
		if !containsRef(stores, d.ds.obj.Self) {
			stores = append(stores, d.ds.obj.Self)
			d.ds.obj.Vm = append(d.ds.obj.Vm, vm.Self)
		}
	}
	vm.Datastore = stores
	if vm.Summary.Storage != nil {
		vm.Summary.Storage.Committed = committed
		vm.Summary.Storage.Uncommitted = uncommitted
		vm.Summary.Storage.Unshared = committed - committed/20
	}
	vm.Summary.Config.NumEthernetCards = int32(len(nics))
	vm.Summary.Config.NumVirtualDisks = int32(len(disks))
	w.createSnapshots(vm, index)
}

// allocation is a CPU (MHz) or memory (MB) allocation: mostly no reservation, unlimited, normal shares.
func (w *world) allocation(size int64, normalShares int32, index int) *types.ResourceAllocationInfo {
	reservation, limit := int64(0), int64(-1)
	if w.chance(0.2) {
		reservation = size / 4
	}
	if w.chance(0.15) {
		limit = size
	}
	if index == 0 {
		limit = 1 << 40 // beyond 32 bits, as xsd:long allows
	}
	shares := &types.SharesInfo{Shares: normalShares, Level: types.SharesLevelNormal}
	switch r := w.rng.Float64(); {
	case r < 0.05:
		shares = &types.SharesInfo{Shares: normalShares * 2, Level: types.SharesLevelHigh}
	case r < 0.08:
		shares = &types.SharesInfo{Shares: normalShares / 2, Level: types.SharesLevelLow}
	case r < 0.10:
		shares = &types.SharesInfo{Shares: int32(1 + w.rng.Intn(100000)), Level: types.SharesLevelCustom}
	}
	return &types.ResourceAllocationInfo{Reservation: &reservation, ExpandableReservation: types.NewBool(false), Limit: &limit, Shares: shares}
}

func containsRef(refs []types.ManagedObjectReference, ref types.ManagedObjectReference) bool {
	for _, r := range refs {
		if r == ref {
			return true
		}
	}
	return false
}

func sanitizeHost(name string) string {
	out := make([]byte, 0, len(name))
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			out = append(out, byte(r))
		case r >= 'A' && r <= 'Z':
			out = append(out, byte(r-'A'+'a'))
		}
	}
	if len(out) == 0 {
		return "vm"
	}
	return string(out)
}

var _ = mo.VirtualMachine{}
