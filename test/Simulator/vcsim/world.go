package main

import (
	"context"
	"fmt"
	"io/ioutil"
	"math/rand"
	"os"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// world is the generated inventory plus the handles the seeding code needs.
type world struct {
	cfg   *config
	rng   *rand.Rand
	model *simulator.Model
	ctx   *simulator.Context
	epoch time.Time

	dc         *simulator.Datacenter
	hostFolder *simulator.Folder
	vmFolder   *simulator.Folder
	dsFolder   *simulator.Folder
	netFolder  *simulator.Folder
	tmpDir     string
	primary    *dcInfo // the datacenter above
	second     *dcInfo // a second datacenter holding the last cluster; nil in worlds of fewer than two clusters
	fields     []types.CustomFieldDef
	snapshots  int
	prodFolder *simulator.Folder
	devFolder  *simulator.Folder

	clusters   []*clusterInfo
	standalone []*mo.ComputeResource
	hosts      []*hostInfo
	datastores []*dsInfo
	switches   []*dvsInfo
	stdNets    []*mo.Network
	vms        []*simulator.VirtualMachine
	alarms     []*mo.Alarm
}

type clusterInfo struct {
	dc     *dcInfo
	obj    *simulator.ClusterComputeResource
	hosts  []*hostInfo
	blade  bool
	dvs    *dvsInfo
	ds     []*dsInfo
	folder *simulator.Folder // VM folder of the cluster
	apps   map[string]*simulator.Folder
}

type hostInfo struct {
	obj     *simulator.HostSystem
	cluster *clusterInfo // nil when standalone
	cr      *mo.ComputeResource
	pool    types.ManagedObjectReference
	ds      []*dsInfo
	dvs     *dvsInfo
	stdNet  []*mo.Network
}

// buildWorld creates the vcsim model and seeds it with realistic data.
func buildWorld(cfg *config) (*world, error) {
	w := &world{
		cfg:   cfg,
		rng:   rand.New(rand.NewSource(cfg.Seed)),
		epoch: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC),
	}
	m := simulator.VPX()
	m.Datacenter = 1
	m.Folder = 1
	m.Portgroup = 0
	m.Host = 0
	m.Cluster = 0
	m.ClusterHost = 0
	m.Datastore = 0
	m.Machine = 0
	m.Autostart = false
	about := &m.ServiceContent.About
	about.ApiVersion = cfg.APIVersion
	about.Version = cfg.Version
	about.Build = cfg.Build
	about.FullName = fmt.Sprintf("VMware vCenter Server %s build-%s", cfg.Version, cfg.Build)
	about.InstanceUuid = seededUUID(rand.New(rand.NewSource(cfg.Seed ^ 0x5eed)))
	about.LicenseProductVersion = cfg.Version[:1] + ".0"
	if err := m.Create(); err != nil {
		return nil, err
	}
	w.model = m
	w.ctx = &simulator.Context{Context: context.Background(), Map: simulator.Map}

	dir, err := ioutil.TempDir("", "vcsim-vcsync-")
	if err != nil {
		return nil, err
	}
	w.tmpDir = dir

	w.dc = simulator.Map.Any("Datacenter").(*simulator.Datacenter)
	w.dc.Name = "DC-Amsterdam"
	w.hostFolder = w.subFolder(w.dc.HostFolder)
	w.vmFolder = w.subFolder(w.dc.VmFolder)
	w.dsFolder = w.subFolder(w.dc.DatastoreFolder)
	w.netFolder = w.subFolder(w.dc.NetworkFolder)
	w.nameFolders()
	w.primary = &dcInfo{dc: w.dc, hostFolder: w.hostFolder, vmFolder: w.vmFolder, dsFolder: w.dsFolder, netFolder: w.netFolder}
	if cfg.Clusters >= 2 && cfg.Standalone < cfg.Hosts {
		w.second = w.newDatacenter("DC-Rotterdam")
	}

	steps := []func() error{w.createClusters, w.createHosts, w.createDatastores, w.createStoragePod, w.createNetworks,
		w.createHostPortgroups, w.createCustomFields, w.createVMs, w.applyMaxima, w.finishClusters, w.createAlarms}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// subFolder returns the first sub-folder of a datacenter folder (vcsim's Model.Folder layout).
func (w *world) subFolder(ref types.ManagedObjectReference) *simulator.Folder {
	f := simulator.Map.Get(ref).(*simulator.Folder)
	for _, c := range f.ChildEntity {
		if c.Type == "Folder" {
			return simulator.Map.Get(c).(*simulator.Folder)
		}
	}
	return f
}

// newFolder creates a child folder.
func (w *world) newFolder(parent *simulator.Folder, name string, childTypes ...string) *simulator.Folder {
	f := &simulator.Folder{}
	f.Name = name
	f.ChildType = childTypes
	putChild(parent, f)
	return f
}

// putChild adds an entity to a folder, like vcsim's unexported folderPutChild.
func putChild(f *simulator.Folder, e mo.Entity) {
	simulator.Map.NewEntity(e)
	f.ChildEntity = append(f.ChildEntity, e.Reference())
	simulator.Map.PutEntity(f, e)
}

func (w *world) cleanup() {
	if w.tmpDir != "" {
		_ = os.RemoveAll(w.tmpDir)
	}
	w.model.Remove()
}

// vim25Client returns an in-process client of the model (internal session).
func (w *world) vim25Client() (*vim25.Client, error) {
	return vim25.NewClient(context.Background(), w.model.Service)
}

func seededUUID(r *rand.Rand) string {
	b := make([]byte, 16)
	r.Read(b)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func (w *world) uuid() string { return seededUUID(w.rng) }

func (w *world) pick(items ...string) string { return items[w.rng.Intn(len(items))] }

func (w *world) chance(p float64) bool { return w.rng.Float64() < p }
