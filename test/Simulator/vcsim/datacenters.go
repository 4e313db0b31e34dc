package main

import (
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// dcInfo is a datacenter and the folders its objects are created in.
type dcInfo struct {
	dc         *simulator.Datacenter
	hostFolder *simulator.Folder
	vmFolder   *simulator.Folder
	dsFolder   *simulator.Folder
	netFolder  *simulator.Folder
	vmNetwork  *mo.Network
}

// nameFolders gives vcsim's generated folders ("F0") the names an administrator would choose.
func (w *world) nameFolders() {
	if w.dc.Parent != nil {
		if f, ok := simulator.Map.Get(*w.dc.Parent).(*simulator.Folder); ok && f.Self != w.model.ServiceContent.RootFolder {
			f.Name = "Europe"
		}
	}
	w.hostFolder.Name = "Production"
	w.vmFolder.Name = "Workloads"
	w.dsFolder.Name = "Storage"
	w.netFolder.Name = "Networking"
}

// newDatacenter creates a datacenter under the root folder; its objects go straight into its type folders.
func (w *world) newDatacenter(name string) *dcInfo {
	root := simulator.Map.Get(w.model.ServiceContent.RootFolder).(*simulator.Folder)
	dc := simulator.NewDatacenter(w.ctx, &root.Folder)
	dc.Name = name
	d := &dcInfo{
		dc:         dc,
		hostFolder: simulator.Map.Get(dc.HostFolder).(*simulator.Folder),
		vmFolder:   simulator.Map.Get(dc.VmFolder).(*simulator.Folder),
		dsFolder:   simulator.Map.Get(dc.DatastoreFolder).(*simulator.Folder),
		netFolder:  simulator.Map.Get(dc.NetworkFolder).(*simulator.Folder),
	}
	for _, c := range d.netFolder.ChildEntity {
		if n, ok := simulator.Map.Get(c).(*mo.Network); ok {
			d.vmNetwork = n
			dc.Network = append(dc.Network, n.Self)
		}
	}
	return d
}

// dcOf is the datacenter of a host.
func (w *world) dcOf(h *hostInfo) *dcInfo {
	if h.cluster != nil && h.cluster.dc != nil {
		return h.cluster.dc
	}
	return w.primary
}

// createStoragePod groups the first cluster's VMFS datastores into a datastore cluster (StoragePod).
func (w *world) createStoragePod() error {
	if len(w.clusters) == 0 {
		return nil
	}
	var members []*dsInfo
	for _, ds := range w.clusters[0].ds {
		if ds.obj.Summary.Type == "VMFS" && ds.obj.Summary.Accessible {
			members = append(members, ds)
		}
	}
	if len(members) == 0 {
		return nil
	}
	pod := &storagePod{}
	pod.Self.Type = "StoragePod"
	pod.Name = "DSC-Gold & <Tier1>"
	pod.ChildType = []string{"Datastore"}
	simulator.Map.NewEntity(pod)
	w.dsFolder.ChildEntity = append(w.dsFolder.ChildEntity, pod.Self)
	simulator.Map.PutEntity(w.dsFolder, pod)
	for _, ds := range members {
		removeChild(w.dsFolder, ds.obj.Self)
		pod.ChildEntity = append(pod.ChildEntity, ds.obj.Self)
		ds.obj.Parent = &pod.Self
	}
	return nil
}

// storagePod is a datastore cluster that vcsim's ContainerView walks into: vcsim 0.24 descends into a *mo.Folder
// but not a *mo.StoragePod, where vCenter lists a pod's datastores in a view like any folder's. It carries a
// Folder's properties (name, parent, childEntity), which is what clients read of it here.
type storagePod struct {
	mo.Folder
}

func removeChild(f *simulator.Folder, ref types.ManagedObjectReference) {
	for i, c := range f.ChildEntity {
		if c == ref {
			f.ChildEntity = append(f.ChildEntity[:i], f.ChildEntity[i+1:]...)
			return
		}
	}
}
