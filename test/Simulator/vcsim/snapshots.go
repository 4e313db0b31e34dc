package main

import (
	"fmt"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

var snapshotNames = []string{"Before patching", "pre-upgrade", "Baseline", "before app deploy", "VEEAM BACKUP TEMPORARY SNAPSHOT"}

// createSnapshots gives about one VM in seven a snapshot tree of one to three levels, sometimes branching.
// Each snapshot is a registered VirtualMachineSnapshot, so RemoveSnapshot_Task works on it.
func (w *world) createSnapshots(vm *simulator.VirtualMachine, index int) {
	if vm.Config.Template || (index >= len(specialNames) && !w.chance(0.15)) || (index < len(specialNames) && index%2 == 1) {
		return
	}
	created := w.epoch.Add(-time.Duration(30+w.rng.Intn(400)) * 24 * time.Hour)
	var current types.ManagedObjectReference
	var build func(depth int) types.VirtualMachineSnapshotTree
	build = func(depth int) types.VirtualMachineSnapshotTree {
		w.snapshots++
		snap := &simulator.VirtualMachineSnapshot{}
		snap.Vm = vm.Self
		simulator.Map.Put(snap)
		created = created.Add(time.Duration(1+w.rng.Intn(20*24)) * time.Hour)
		name := snapshotNames[w.rng.Intn(len(snapshotNames))]
		if index == 0 && depth == 0 {
			name = `=cmd|' /C calc'!A0 <snap> & "quoted"`
		}
		tree := types.VirtualMachineSnapshotTree{
			Snapshot:    snap.Self,
			Vm:          vm.Self,
			Name:        name,
			Description: fmt.Sprintf("Taken by %s\nticket CHG%06d", w.pick("svc-backup", "alice", "bob"), w.rng.Intn(1000000)),
			Id:          int32(w.snapshots),
			CreateTime:  created,
			State:       types.VirtualMachinePowerState(w.pick("poweredOff", "poweredOn", "poweredOn")),
			Quiesced:    w.chance(0.3),
		}
		current = snap.Self
		if depth < 2 && w.chance(0.45) {
			tree.ChildSnapshotList = append(tree.ChildSnapshotList, build(depth+1))
			if w.chance(0.2) {
				tree.ChildSnapshotList = append(tree.ChildSnapshotList, build(depth+1))
			}
		}
		return tree
	}
	root := build(0)
	cur := current
	vm.Snapshot = &types.VirtualMachineSnapshotInfo{CurrentSnapshot: &cur, RootSnapshotList: []types.VirtualMachineSnapshotTree{root}}
	vm.RootSnapshot = []types.ManagedObjectReference{root.Snapshot}
}

// countSnapshots is the number of snapshots in a tree list.
func countSnapshots(trees []types.VirtualMachineSnapshotTree) int {
	n := 0
	for _, t := range trees {
		n += 1 + countSnapshots(t.ChildSnapshotList)
	}
	return n
}
