package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// esxiRelease is one ESXi version and build seen in the field.
type esxiRelease struct{ version, build, api string }

var esxiReleases = []esxiRelease{
	{"6.7.0", "17700523", "6.7.3"},
	{"7.0.3", "21930508", "7.0.3.0"},
	{"7.0.3", "23794027", "7.0.3.0"},
	{"8.0.1", "21495797", "8.0.1.0"},
	{"8.0.2", "22380479", "8.0.2.0"},
	{"8.0.3", "24022510", "8.0.3.0"},
}

var rackModels = []string{"PowerEdge R750", "PowerEdge R650", "PowerEdge R740xd", "PowerEdge R640", "PowerEdge R760"}
var bladeModels = []string{"PowerEdge MX750c", "PowerEdge MX740c"}

// serialTraps are the odd serial number layouts seen on real hosts, in the order they are handed out.
var serialTraps = []string{
	"padded", "oem", "zero", "none", "notspecified", "systemserial", "dots", "unset", "shared", "na", "lowercase", "tagpadded",
}

const bladesPerChassis = 8

func (w *world) createClusters() error {
	n := w.cfg.Clusters
	if w.cfg.Standalone >= w.cfg.Hosts {
		n = 0
	}
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Cluster-%02d", i+1)
		blade := i%3 == 0
		if blade {
			name = fmt.Sprintf("Cluster-MX-%02d", i+1)
		}
		dc := w.primary
		if w.second != nil && i == n-1 {
			dc = w.second
		}
		c, fault := simulator.CreateClusterComputeResource(w.ctx, dc.hostFolder, name, types.ClusterConfigSpecEx{})
		if fault != nil {
			return fmt.Errorf("create cluster %s: %T", name, fault)
		}
		ci := &clusterInfo{obj: c, blade: blade, dc: dc}
		ci.folder = w.newFolder(w.clusterVMParent(dc, i), name, "VirtualMachine", "VirtualApp", "Folder")
		w.clusters = append(w.clusters, ci)
	}
	return nil
}

func (w *world) createHosts() error {
	clustered := w.cfg.Hosts - w.cfg.Standalone
	proto := simulator.NewHostSystem(esx.HostSystem)
	tag := newTagSource(w.rng)
	var sharedTag string
	trap := 0
	chassisTag := ""
	bladeSlot := 0

	for i := 0; i < w.cfg.Hosts; i++ {
		hi := &hostInfo{}
		var h *simulator.HostSystem
		if i < clustered {
			ci := w.clusters[i%len(w.clusters)]
			hi.cluster = ci
			name := fmt.Sprintf("esx%04d.%s.corp.example", i+1, strings.ToLower(strings.TrimPrefix(ci.obj.Name, "Cluster-")))
			h = cloneHost(proto, name)
			simulator.Map.PutEntity(ci.obj, simulator.Map.NewEntity(h))
			h.Summary.Host = &h.Self
			ci.obj.Host = append(ci.obj.Host, h.Self)
			ci.hosts = append(ci.hosts, hi)
			hi.pool = *ci.obj.ResourcePool
		} else {
			name := fmt.Sprintf("esx%04d.standalone.corp.example", i+1)
			var fault types.BaseMethodFault
			h, fault = simulator.CreateStandaloneHost(w.ctx, w.hostFolder, types.HostConnectSpec{HostName: name})
			if fault != nil {
				return fmt.Errorf("create host %s: %T", name, fault)
			}
			patch := cloneHost(h, name)
			self, parent := h.Self, h.Parent
			h.HostSystem = patch.HostSystem
			h.Self, h.Parent = self, parent
			h.Summary.Host = &h.Self
			cr := simulator.Map.Get(*h.Parent).(*mo.ComputeResource)
			hi.cr = cr
			hi.pool = *cr.ResourcePool
			w.standalone = append(w.standalone, cr)
		}
		hi.obj = h

		// Hardware identity.
		blade := hi.cluster != nil && hi.cluster.blade
		model := rackModels[w.rng.Intn(len(rackModels))]
		if blade {
			model = bladeModels[w.rng.Intn(len(bladeModels))]
			if bladeSlot%bladesPerChassis == 0 || chassisTag == "" {
				chassisTag = tag.next()
			}
			bladeSlot++
		}
		serial := tag.next()
		kind := "normal"
		if !blade && trap < len(serialTraps) {
			kind = serialTraps[trap]
			trap++
		} else if !blade && w.chance(0.03) {
			kind = serialTraps[w.rng.Intn(len(serialTraps))]
		} else if blade && bladeSlot == 2 {
			kind = "unset"
		}
		if kind == "shared" {
			if sharedTag == "" {
				sharedTag = serial
				trap-- // hand the same layout to the next rack host too
			} else {
				serial = sharedTag
			}
		}
		w.setIdentity(h, model, serial, kind, chassisTag, blade)
		w.setHardware(h, model, blade)
		w.setBios(h, model)
		w.hosts = append(w.hosts, hi)
	}
	w.setHostStates()
	return nil
}

// cloneHost makes a new HostSystem from a prototype, sharing only read-only parts
// (config managers, network and storage config) to keep big worlds cheap.
func cloneHost(proto *simulator.HostSystem, name string) *simulator.HostSystem {
	h := &simulator.HostSystem{HostSystem: proto.HostSystem}
	h.Self = types.ManagedObjectReference{}
	h.Parent = nil
	h.Name = name
	h.Summary.Config.Name = name
	hw := *proto.Hardware
	h.Hardware = &hw
	sh := *proto.Summary.Hardware
	h.Summary.Hardware = &sh
	cfg := *proto.Config
	h.Config = &cfg
	h.Summary.Config.Product = &cfg.Product
	h.Runtime = proto.Runtime
	h.Summary.Runtime = &h.Runtime
	h.Vm = nil
	h.Datastore = nil
	h.Network = nil
	h.TriggeredAlarmState = nil
	return h
}

func identification(key, label, value string) types.HostSystemIdentificationInfo {
	return types.HostSystemIdentificationInfo{
		IdentifierValue: value,
		IdentifierType: &types.ElementDescription{
			Description: types.Description{Label: label, Summary: label},
			Key:         key,
		},
	}
}

// setIdentity writes hardware.systemInfo (serial number, service tag, enclosure tag) for one layout.
func (w *world) setIdentity(h *simulator.HostSystem, model, serial, kind, chassis string, blade bool) {
	serialField, serviceTag := serial, serial
	withServiceTag := true
	switch kind {
	case "padded":
		serialField, serviceTag = "  "+serial+" ", "  "+serial+" "
	case "oem":
		serialField = "To be filled by O.E.M."
	case "zero":
		serialField = "0"
	case "none":
		serialField = "None"
	case "notspecified":
		serialField = "Not Specified"
	case "systemserial":
		serialField = "System Serial Number"
	case "dots":
		serialField, withServiceTag = "...", false
	case "unset":
		serialField = ""
	case "na":
		serialField, serviceTag = "N/A", "Default string"
	case "lowercase":
		serialField, serviceTag = strings.ToLower(serial), strings.ToLower(serial)
	case "tagpadded":
		serialField, serviceTag = "", " "+serial+"\t"
	}
	info := []types.HostSystemIdentificationInfo{identification("AssetTag", "Asset Tag", "ASSET-"+serial[:4])}
	if withServiceTag {
		info = append(info, identification("ServiceTag", "Service tag", serviceTag))
	}
	info = append(info, identification("OemSpecificString", "OEM specific string", "Dell System"))
	if blade {
		info = append(info, identification("EnclosureSerialNumberTag", "Enclosure serial number tag", chassis))
	}
	if !w.cfg.apiAtLeast(6, 7) {
		serialField = "" // the property does not exist before API 6.7
	}
	uuid := w.uuid()
	h.Hardware.SystemInfo = types.HostSystemInfo{
		Vendor:               "Dell Inc.",
		Model:                model,
		Uuid:                 uuid,
		OtherIdentifyingInfo: info,
		SerialNumber:         serialField,
	}
	h.Summary.Hardware.Vendor = "Dell Inc."
	h.Summary.Hardware.Model = model
	h.Summary.Hardware.Uuid = uuid
	h.Summary.Hardware.OtherIdentifyingInfo = append([]types.HostSystemIdentificationInfo(nil), info...)
}

func (w *world) setHardware(h *simulator.HostSystem, model string, blade bool) {
	cores := []int16{16, 24, 28, 32, 48, 64}[w.rng.Intn(6)]
	mhz := int32(2100 + 100*w.rng.Intn(10))
	memGB := []int64{256, 384, 512, 768, 1024, 1536, 2048}[w.rng.Intn(7)]
	cpuModel := w.pick("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "Intel(R) Xeon(R) Gold 6348 CPU @ 2.60GHz", "Intel(R) Xeon(R) Platinum 8380 CPU @ 2.30GHz", "AMD EPYC 7543 32-Core Processor")
	hs := h.Summary.Hardware
	hs.CpuModel = cpuModel
	hs.CpuMhz = mhz
	hs.NumCpuPkgs = 2
	hs.NumCpuCores = cores
	hs.NumCpuThreads = cores * 2
	hs.MemorySize = memGB << 30
	hs.NumNics = 4
	hs.NumHBAs = 2
	h.Hardware.MemorySize = hs.MemorySize
	h.Hardware.CpuInfo = types.HostCpuInfo{NumCpuPackages: 2, NumCpuCores: cores, NumCpuThreads: cores * 2, Hz: int64(mhz) * 1000000}

	rel := esxiReleases[w.rng.Intn(len(esxiReleases))]
	p := &h.Config.Product
	*p = esx.HostConfigInfo.Product
	p.Version = rel.version
	p.Build = rel.build
	p.ApiVersion = rel.api
	p.FullName = fmt.Sprintf("VMware ESXi %s build-%s", rel.version, rel.build)

	boot := w.epoch.Add(-time.Duration(w.rng.Intn(200*24)) * time.Hour)
	h.Runtime = types.HostRuntimeInfo{
		ConnectionState:   types.HostSystemConnectionStateConnected,
		PowerState:        types.HostSystemPowerStatePoweredOn,
		InMaintenanceMode: false,
		BootTime:          &boot,
		StandbyMode:       "none",
	}
	h.Summary.Runtime = &h.Runtime
	h.Summary.RebootRequired = false
	h.Summary.QuickStats = types.HostListSummaryQuickStats{
		OverallCpuUsage:    int32(w.rng.Intn(int(mhz) * int(cores))),
		OverallMemoryUsage: int32(w.rng.Intn(int(memGB * 1024))),
		Uptime:             int32(w.epoch.Sub(boot).Seconds()),
	}
}

// setHostStates puts some hosts in maintenance mode, notResponding or disconnected.
func (w *world) setHostStates() {
	n := len(w.hosts)
	order := w.rng.Perm(n)
	want := func(min int, frac float64) int {
		k := int(float64(n) * frac)
		if k < min {
			k = min
		}
		return k
	}
	maint, notResp, disc := want(2, 0.01), want(1, 0.005), want(1, 0.005)
	if maint+notResp+disc > n/2 {
		maint, notResp, disc = n/6, n/8, n/8
	}
	i := 0
	for ; i < maint; i++ {
		w.hosts[order[i]].obj.Runtime.InMaintenanceMode = true
	}
	for end := i + notResp; i < end; i++ {
		w.hosts[order[i]].obj.Runtime.ConnectionState = types.HostSystemConnectionStateNotResponding
	}
	for end := i + disc; i < end; i++ {
		h := w.hosts[order[i]].obj
		h.Runtime.ConnectionState = types.HostSystemConnectionStateDisconnected
		h.Runtime.PowerState = types.HostSystemPowerStateUnknown
	}
}

// tagSource hands out unique 7-character Dell service tags.
type tagSource struct {
	rng  interface{ Intn(int) int }
	seen map[string]bool
}

func newTagSource(r interface{ Intn(int) int }) *tagSource {
	return &tagSource{rng: r, seen: map[string]bool{}}
}

const tagChars = "0123456789BCDFGHJKLMNPQRSTVWXYZ"

func (t *tagSource) next() string {
	for {
		b := make([]byte, 7)
		for i := range b {
			b[i] = tagChars[t.rng.Intn(len(tagChars))]
		}
		s := string(b)
		if !t.seen[s] {
			t.seen[s] = true
			return s
		}
	}
}
