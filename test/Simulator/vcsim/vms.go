package main

import (
	"fmt"
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
	for i := 0; i < n; i++ {
		h := usable[w.rng.Intn(len(usable))]
		name := fmt.Sprintf("%s-%05d", appPrefixes[w.rng.Intn(len(appPrefixes))], i+1)
		if i < len(specialNames) {
			name = specialNames[i]
		}
		template := i >= len(specialNames) && w.chance(0.02)
		folder := standaloneFolder
		if template {
			folder = templateFolder
			name = "tpl-" + name
		} else if h.cluster != nil {
			folder = h.cluster.folder
		}
		vm := w.newVM(name, h, template)
		w.placeVM(vm, h, folder, template)
		w.vms = append(w.vms, vm)
	}
	return nil
}

func (w *world) newVM(name string, h *hostInfo, template bool) *simulator.VirtualMachine {
	vm := &simulator.VirtualMachine{}
	vm.Name = name
	osx := guestOSes[w.rng.Intn(len(guestOSes))]
	cpus := []int32{1, 2, 2, 4, 4, 8, 16}[w.rng.Intn(7)]
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
			NumCoresPerSocket: 1,
			MemoryMB:          mem,
		},
		Firmware: w.pick("bios", "efi"),
	}
	if w.chance(0.3) {
		vm.Config.Annotation = "Owner: team-" + appPrefixes[w.rng.Intn(len(appPrefixes))]
	}
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

// placeVM registers a VM and links it to its folder, host, pool, datastores and networks.
func (w *world) placeVM(vm *simulator.VirtualMachine, h *hostInfo, folder *simulator.Folder, template bool) {
	putChild(folder, vm)
	vm.Summary.Vm = &vm.Self
	ds := h.ds[w.rng.Intn(len(h.ds))]
	path := fmt.Sprintf("[%s] %s/%s.vmx", ds.obj.Name, vm.Name, vm.Name)
	dir := fmt.Sprintf("[%s] %s", ds.obj.Name, vm.Name)
	vm.Config.Files = types.VirtualMachineFileInfo{VmPathName: path, SnapshotDirectory: dir, SuspendDirectory: dir, LogDirectory: dir}
	vm.Summary.Config.VmPathName = path
	vm.Datastore = []types.ManagedObjectReference{ds.obj.Self}
	ds.obj.Vm = append(ds.obj.Vm, vm.Self)

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

	// Networks: one distributed portgroup, sometimes a second NIC on a standard network.
	var nets []types.ManagedObjectReference
	if len(h.dvs.pgs) > 0 && (len(h.stdNet) == 0 || w.chance(0.85)) {
		pg := h.dvs.pgs[w.rng.Intn(len(h.dvs.pgs))]
		pg.Vm = append(pg.Vm, vm.Self)
		nets = append(nets, pg.Self)
	}
	if len(h.stdNet) > 0 && (len(nets) == 0 || w.chance(0.1)) {
		n := h.stdNet[w.rng.Intn(len(h.stdNet))]
		n.Vm = append(n.Vm, vm.Self)
		nets = append(nets, n.Self)
	}
	vm.Network = nets
	vm.Summary.Config.NumEthernetCards = int32(len(nets))
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
