package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

type dsInfo struct {
	obj   *simulator.Datastore
	hosts []*hostInfo
}

// createDatastores makes the datastores: datastore 0 is an NFS library mounted on every host,
// the others belong to one cluster (or to the standalone hosts) each.
func (w *world) createDatastores() error {
	groups := len(w.clusters)
	var standalone []*hostInfo
	for _, h := range w.hosts {
		if h.cluster == nil {
			standalone = append(standalone, h)
		}
	}
	if len(standalone) > 0 {
		groups++
	}
	groupHosts := func(g int) []*hostInfo {
		if g < len(w.clusters) {
			return w.clusters[g].hosts
		}
		return standalone
	}
	kinds := []string{"VMFS", "VMFS", "NFS", "vsan", "VMFS", "NFS41", "vvol", "VMFS"}
	n := w.cfg.Datastores
	for i := 0; i < n; i++ {
		var hosts []*hostInfo
		kind := kinds[i%len(kinds)]
		var name string
		dc := w.primary
		var owner *clusterInfo
		if i == 0 {
			hosts = w.allHosts()
			kind = "NFS"
			name = "nfs-iso-library"
		} else {
			g := (i - 1) % groups
			hosts = groupHosts(g)
			name = fmt.Sprintf("%s-%02d-%03d", dsPrefix(kind), g+1, i)
			if g < len(w.clusters) {
				owner = w.clusters[g]
				if owner.dc != nil {
					dc = owner.dc
				}
			}
		}
		ds, err := w.newDatastore(dc, name, kind, hosts)
		if err != nil {
			return err
		}
		if owner != nil {
			owner.ds = append(owner.ds, ds)
		}
		w.datastores = append(w.datastores, ds)
	}
	// Every group needs at least one datastore of its own; fall back to the library.
	for g := 0; g < groups; g++ {
		for _, h := range groupHosts(g) {
			if len(h.ds) == 0 {
				h.ds = append(h.ds, w.datastores[0])
			}
		}
	}
	// The traps: one inaccessible datastore, one in maintenance, one nearly full.
	if n > 1 {
		bad := w.datastores[n-1]
		bad.obj.Summary.Accessible = false
		bad.obj.OverallStatus = types.ManagedEntityStatusRed
		for i := range bad.obj.Host {
			bad.obj.Host[i].MountInfo.Accessible = types.NewBool(false)
		}
	}
	if n > 2 {
		w.datastores[n-2].obj.Summary.MaintenanceMode = string(types.DatastoreSummaryMaintenanceModeStateInMaintenance)
	}
	if n > 3 {
		full := w.datastores[1].obj
		full.Summary.FreeSpace = full.Summary.Capacity / 50
		full.Info.GetDatastoreInfo().FreeSpace = full.Summary.FreeSpace
	}
	return nil
}

func dsPrefix(kind string) string {
	switch kind {
	case "NFS":
		return "nfs"
	case "NFS41":
		return "nfs41"
	case "vsan":
		return "vsanDatastore"
	case "vvol":
		return "vvol"
	}
	return "vmfs"
}

func (w *world) allHosts() []*hostInfo { return w.hosts }

func (w *world) newDatastore(dc *dcInfo, name, kind string, hosts []*hostInfo) (*dsInfo, error) {
	dir := filepath.Join(w.tmpDir, name)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	id := w.uuid()
	url := fmt.Sprintf("ds:///vmfs/volumes/%s/", id)
	capacity := int64(2+w.rng.Intn(30)) << 40
	free := capacity / 100 * int64(15+w.rng.Intn(70))
	base := types.DatastoreInfo{Name: name, Url: dir, FreeSpace: free, MaxFileSize: 62 << 40}
	var info types.BaseDatastoreInfo
	switch kind {
	case "NFS", "NFS41":
		url = fmt.Sprintf("ds:///vmfs/volumes/%s/", id[:17])
		info = &types.NasDatastoreInfo{DatastoreInfo: base, Nas: &types.HostNasVolume{
			HostFileSystemVolume: types.HostFileSystemVolume{Type: kind, Name: name, Capacity: capacity},
			RemoteHost:           "nas01.corp.example", RemotePath: "/export/" + name,
		}}
	case "VMFS":
		info = &types.VmfsDatastoreInfo{DatastoreInfo: base, Vmfs: &types.HostVmfsVolume{
			HostFileSystemVolume: types.HostFileSystemVolume{Type: "VMFS", Name: name, Capacity: capacity},
			BlockSizeMb:          1, MajorVersion: 6, Version: "6.82", Uuid: id,
		}}
	default:
		info = &types.DatastoreInfo{Name: name, Url: dir, FreeSpace: free, MaxFileSize: 62 << 40}
	}
	ds := &simulator.Datastore{}
	ds.Name = name
	ds.Info = info
	ds.Summary = types.DatastoreSummary{
		Name:               name,
		Url:                url,
		Capacity:           capacity,
		FreeSpace:          free,
		Uncommitted:        capacity / 100 * int64(w.rng.Intn(40)),
		Accessible:         true,
		MultipleHostAccess: types.NewBool(len(hosts) > 1),
		Type:               kind,
		MaintenanceMode:    string(types.DatastoreSummaryMaintenanceModeStateNormal),
	}
	ds.Capability = types.DatastoreCapability{DirectoryHierarchySupported: true, PerFileThinProvisioningSupported: true}
	putChild(dc.dsFolder, ds)
	ds.Summary.Datastore = &ds.Self
	dc.dc.Datastore = append(dc.dc.Datastore, ds.Self)
	di := &dsInfo{obj: ds, hosts: hosts}
	ds.Host = make([]types.DatastoreHostMount, 0, len(hosts))
	for _, h := range hosts {
		ds.Host = append(ds.Host, types.DatastoreHostMount{
			Key: h.obj.Self,
			MountInfo: types.HostMountInfo{
				Path:       "/vmfs/volumes/" + id,
				AccessMode: string(types.HostMountModeReadWrite),
				Mounted:    types.NewBool(true),
				Accessible: types.NewBool(true),
			},
		})
		h.obj.Datastore = append(h.obj.Datastore, ds.Self)
		if name != "nfs-iso-library" {
			h.ds = append(h.ds, di)
		}
	}
	return di, nil
}
