package main

import (
	"math"

	"github.com/vmware/govmomi/vim25/types"
)

// The -size maxima world: values at vSphere 8's configuration maxima, where 32-bit columns overflow.
//   - the cluster has 96 hosts of 24 TiB, all connected: summary.totalMemory is 96 x 24 TiB and
//     summary.effectiveMemory (MB, xsd:long) passes 2^31;
//   - one VM (the first that is not a template or an awkward name) has 768 vCPUs, 24 TiB of memory and
//     summary.storage.uncommitted = 2^63-1 bytes;
//   - a VMFS datastore of 64 TiB, a vSAN datastore of 8 PiB and an NFS datastore of 2^63-1 bytes.
const (
	maximaSize        = "maxima"
	maximaHostMemory  = int64(24) << 40
	maximaVMCpus      = int32(768)
	maximaVMMemoryMB  = int32(24 << 20)
	maximaVMFSBytes   = int64(64) << 40
	maximaVsanBytes   = int64(8) << 50
	maximaLargestLong = int64(math.MaxInt64)
)

var maximaPreset = sizePreset{vms: 60, hosts: 96, clusters: 1, standalone: 0, datastores: 8, portgroups: 6}

// applyMaxima runs after the VMs are placed and before the cluster summaries are added up.
func (w *world) applyMaxima() error {
	if w.cfg.Size != maximaSize {
		return nil
	}
	if len(w.clusters) > 0 {
		for _, hi := range w.clusters[0].hosts {
			h := hi.obj
			h.Summary.Hardware.MemorySize = maximaHostMemory
			h.Hardware.MemorySize = maximaHostMemory
			h.Runtime.ConnectionState = types.HostSystemConnectionStateConnected
			h.Runtime.PowerState = types.HostSystemPowerStatePoweredOn
			h.Runtime.InMaintenanceMode = false
		}
	}
	for i, vm := range w.vms {
		if i < 8 || vm.Config.Template {
			continue
		}
		vm.Config.Hardware.NumCPU = maximaVMCpus
		vm.Config.Hardware.MemoryMB = maximaVMMemoryMB
		vm.Summary.Config.NumCpu = maximaVMCpus
		vm.Summary.Config.MemorySizeMB = maximaVMMemoryMB
		vm.Runtime.MaxMemoryUsage = maximaVMMemoryMB
		vm.Summary.Runtime.MaxMemoryUsage = maximaVMMemoryMB
		vm.Summary.Storage = &types.VirtualMachineStorageSummary{
			Committed: maximaHostMemory, Uncommitted: maximaLargestLong, Unshared: maximaHostMemory, Timestamp: w.epoch,
		}
		break
	}
	w.maxDatastore("VMFS", maximaVMFSBytes, maximaVMFSBytes/4)
	w.maxDatastore("vsan", maximaVsanBytes, maximaVsanBytes/2)
	w.maxDatastore("NFS", maximaLargestLong, maximaLargestLong-(int64(1)<<40))
	return nil
}

// maxDatastore sizes the first usable datastore of a kind (not the ISO library, not a trap).
func (w *world) maxDatastore(kind string, capacity, free int64) {
	for i, di := range w.datastores {
		ds := di.obj
		if i == 0 || ds.Summary.Type != kind || !ds.Summary.Accessible ||
			ds.Summary.MaintenanceMode != string(types.DatastoreSummaryMaintenanceModeStateNormal) {
			continue
		}
		ds.Summary.Capacity = capacity
		ds.Summary.FreeSpace = free
		ds.Summary.Uncommitted = 0
		info := ds.Info.GetDatastoreInfo()
		info.FreeSpace = free
		switch v := ds.Info.(type) {
		case *types.VmfsDatastoreInfo:
			v.Vmfs.Capacity = capacity
		case *types.NasDatastoreInfo:
			v.Nas.Capacity = capacity
		}
		return
	}
}
