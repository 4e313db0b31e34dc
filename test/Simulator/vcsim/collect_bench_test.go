package main

import (
	"context"
	"testing"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// BenchmarkCollectVMs measures the collector on every VM of a 10k world (go test -bench Collect -run X).
func BenchmarkCollectVMs(b *testing.B) {
	cfg, _ := parseFlags([]string{"-size", "10k"})
	state.cfg.Store(cfg)
	w, err := buildWorld(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer w.cleanup()
	var objects []types.ObjectSpec
	for _, vm := range w.vms {
		objects = append(objects, types.ObjectSpec{Obj: vm.Self})
	}
	specs := []types.PropertyFilterSpec{{ObjectSet: objects, PropSet: []types.PropertySpec{{Type: "VirtualMachine", PathSet: []string{
		"name", "config.uuid", "config.hardware.numCPU", "config.hardware.memoryMB", "config.template",
		"runtime.powerState", "runtime.host", "guest.ipAddress", "guest.toolsStatus", "guest.toolsVersionStatus",
		"summary.config.guestFullName", "summary.storage.uncommitted", "triggeredAlarmState"}}}}}
	ctx := &simulator.Context{Context: context.Background(), Map: simulator.Map}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		prod, fault := collect(ctx, specs, true)
		if fault != nil || len(prod.all()) != len(w.vms) {
			b.Fatal(fault)
		}
	}
}
