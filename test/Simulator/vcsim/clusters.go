package main

import (
	"github.com/vmware/govmomi/vim25/types"
)

var drsBehaviors = []types.DrsBehavior{
	types.DrsBehaviorFullyAutomated,
	types.DrsBehaviorPartiallyAutomated,
	types.DrsBehaviorManual,
}

// finishClusters fills the legacy configuration (HA, DRS) and the summary of every compute resource.
func (w *world) finishClusters() error {
	statuses := []types.ManagedEntityStatus{types.ManagedEntityStatusGreen, types.ManagedEntityStatusYellow, types.ManagedEntityStatusRed, types.ManagedEntityStatusGreen, types.ManagedEntityStatusGray}
	for i, c := range w.clusters {
		ha := i%3 != 2
		drs := i%4 != 3
		behavior := drsBehaviors[i%len(drsBehaviors)]
		cl := c.obj
		cl.Configuration = types.ClusterConfigInfo{
			DasConfig: types.ClusterDasConfigInfo{
				Enabled:                 types.NewBool(ha),
				VmMonitoring:            "vmMonitoringDisabled",
				HostMonitoring:          "enabled",
				AdmissionControlEnabled: types.NewBool(ha),
			},
			DrsConfig: types.ClusterDrsConfigInfo{
				Enabled:                   types.NewBool(drs),
				EnableVmBehaviorOverrides: types.NewBool(true),
				DefaultVmBehavior:         behavior,
				VmotionRate:               3,
			},
		}
		if ex, ok := cl.ConfigurationEx.(*types.ClusterConfigInfoEx); ok {
			ex.DasConfig = cl.Configuration.DasConfig
			ex.DrsConfig = cl.Configuration.DrsConfig
		}
		s := summarize(c.hosts)
		status := types.ManagedEntityStatusGreen
		if i < len(statuses) {
			status = statuses[i]
		} else if w.chance(0.15) {
			status = statuses[1+w.rng.Intn(2)]
		}
		s.OverallStatus = status
		cl.OverallStatus = status
		cl.Summary = &types.ClusterComputeResourceSummary{
			ComputeResourceSummary: s,
			AdmissionControlInfo:   nil,
			UsageSummary:           &types.ClusterUsageSummary{TotalCpuCapacityMhz: s.TotalCpu, TotalMemCapacityMB: int32(s.TotalMemory >> 20)},
		}
		nets := make([]types.ManagedObjectReference, 0)
		if len(c.hosts) > 0 {
			nets = append(nets, c.hosts[0].obj.Network...)
		}
		cl.Network = nets
		cl.Datastore = nil
		if len(c.hosts) > 0 {
			cl.Datastore = append(cl.Datastore, c.hosts[0].obj.Datastore...)
		}
	}
	for _, h := range w.hosts {
		if h.cr == nil {
			continue
		}
		s := summarize([]*hostInfo{h})
		h.cr.Summary = &s
		h.cr.Network = h.obj.Network
		h.cr.Datastore = h.obj.Datastore
	}
	return nil
}

// summarize adds up host capacities the way vCenter reports them.
func summarize(hosts []*hostInfo) types.ComputeResourceSummary {
	s := types.ComputeResourceSummary{OverallStatus: types.ManagedEntityStatusGreen}
	for _, hi := range hosts {
		h := hi.obj
		hw := h.Summary.Hardware
		cpu := hw.CpuMhz * int32(hw.NumCpuCores)
		s.TotalCpu += cpu
		s.TotalMemory += hw.MemorySize
		s.NumCpuCores += hw.NumCpuCores
		s.NumCpuThreads += hw.NumCpuThreads
		s.NumHosts++
		if h.Runtime.ConnectionState == types.HostSystemConnectionStateConnected && !h.Runtime.InMaintenanceMode {
			s.NumEffectiveHosts++
			s.EffectiveCpu += cpu * 9 / 10
			s.EffectiveMemory += (hw.MemorySize >> 20) * 9 / 10
		}
	}
	return s
}
