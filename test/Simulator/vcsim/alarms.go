package main

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// alarmDefs are the alarm definitions (Alarm managed objects) of the simulated vCenter.
var alarmDefs = []struct{ name, desc, entity string }{
	{"Host connection and power state", "Default alarm to monitor host connection and power state", "HostSystem"},
	{"Host CPU usage", "Default alarm to monitor host CPU usage", "HostSystem"},
	{"Host memory usage", "Default alarm to monitor host memory usage", "HostSystem"},
	{"Host hardware system board status", "Default alarm to monitor system boards", "HostSystem"},
	{"Virtual machine CPU usage", "Default alarm to monitor virtual machine CPU usage", "VirtualMachine"},
	{"Virtual machine memory usage", "Default alarm to monitor virtual machine memory usage", "VirtualMachine"},
	{"Datastore usage on disk", "Default alarm to monitor datastore disk usage", "Datastore"},
	{"Cannot connect to storage", "Default alarm to monitor storage connectivity", "HostSystem"},
	{"vSphere HA host status", "Default alarm to monitor the vSphere HA host status", "HostSystem"},
	{"Virtual machine error", "Default alarm to monitor virtual machine errors", "VirtualMachine"},
}

// alarmBook holds the triggered alarms and writes them, propagated, into triggeredAlarmState.
type alarmBook struct {
	mu      sync.Mutex
	states  []types.AlarmState
	touched map[types.ManagedObjectReference]bool
	root    types.ManagedObjectReference
	byName  map[string]types.ManagedObjectReference
}

var alarms = &alarmBook{touched: map[types.ManagedObjectReference]bool{}, byName: map[string]types.ManagedObjectReference{}}

func (w *world) createAlarms() error {
	root := w.model.Service
	_ = root
	content := simulator.Map.Get(types.ManagedObjectReference{Type: "ServiceInstance", Value: "ServiceInstance"}).(*simulator.ServiceInstance).Content
	alarms.root = content.RootFolder
	for i, d := range alarmDefs {
		a := &mo.Alarm{}
		a.Self = types.ManagedObjectReference{Type: "Alarm", Value: fmt.Sprintf("alarm-%d", 101+i)}
		a.Info = types.AlarmInfo{
			AlarmSpec: types.AlarmSpec{
				Name:        d.name,
				Description: d.desc,
				Enabled:     true,
				SystemName:  "alarm." + d.entity + "Alarm",
			},
			Key:              a.Self.Value,
			Alarm:            a.Self,
			Entity:           content.RootFolder,
			LastModifiedTime: w.epoch.Add(-400 * 24 * time.Hour),
			LastModifiedUser: "VSPHERE.LOCAL\\Administrator",
		}
		simulator.Map.Put(a)
		w.alarms = append(w.alarms, a)
		alarms.byName[d.name] = a.Self
	}
	ref := func(name string) types.ManagedObjectReference { return alarms.byName[name] }
	at := func() time.Time { return w.epoch.Add(-time.Duration(w.rng.Intn(7*24*60)) * time.Minute) }

	var states []types.AlarmState
	add := func(alarm string, e types.ManagedObjectReference, status types.ManagedEntityStatus) {
		states = append(states, newAlarmState(ref(alarm), e, status, at()))
	}
	cpuHosts := 0
	for _, h := range w.hosts {
		switch h.obj.Runtime.ConnectionState {
		case types.HostSystemConnectionStateNotResponding, types.HostSystemConnectionStateDisconnected:
			add("Host connection and power state", h.obj.Self, types.ManagedEntityStatusRed)
			continue
		}
		if cpuHosts == 0 || w.chance(0.01) {
			add("Host CPU usage", h.obj.Self, types.ManagedEntityStatusYellow)
			cpuHosts++
		}
	}
	vmAlarms := 0
	for _, vm := range w.vms {
		if vm.Runtime.PowerState != types.VirtualMachinePowerStatePoweredOn {
			continue
		}
		if vmAlarms < 3 || w.chance(0.002) {
			status := types.ManagedEntityStatusRed
			if vmAlarms%2 == 1 {
				status = types.ManagedEntityStatusYellow
			}
			add(w.pick("Virtual machine CPU usage", "Virtual machine memory usage"), vm.Self, status)
			vmAlarms++
		}
	}
	if len(w.datastores) > 3 {
		add("Datastore usage on disk", w.datastores[1].obj.Self, types.ManagedEntityStatusRed)
	}
	if len(w.datastores) > 2 {
		add("Datastore usage on disk", w.datastores[2].obj.Self, types.ManagedEntityStatusYellow)
	}
	// One alarm is acknowledged.
	if len(states) > 0 {
		s := &states[len(states)-1]
		t := s.Time.Add(30 * time.Minute)
		s.Acknowledged = types.NewBool(true)
		s.AcknowledgedByUser = "VSPHERE.LOCAL\\Administrator"
		s.AcknowledgedTime = &t
	}
	alarms.mu.Lock()
	alarms.states = states
	alarms.apply()
	alarms.mu.Unlock()
	return nil
}

func newAlarmState(alarm, e types.ManagedObjectReference, status types.ManagedEntityStatus, t time.Time) types.AlarmState {
	return types.AlarmState{
		Key:           alarm.Value + "." + e.Value,
		Entity:        e,
		Alarm:         alarm,
		OverallStatus: status,
		Time:          t,
		Acknowledged:  types.NewBool(false),
	}
}

// ancestors returns the entities an alarm on e shows up on: e itself and everything above it,
// through parent and, for a VM, through its resource pool (which leads to the cluster).
func ancestors(e types.ManagedObjectReference) []types.ManagedObjectReference {
	var out []types.ManagedObjectReference
	seen := map[types.ManagedObjectReference]bool{}
	var climb func(ref types.ManagedObjectReference)
	climb = func(ref types.ManagedObjectReference) {
		for depth := 0; depth < 64 && !seen[ref]; depth++ {
			seen[ref] = true
			out = append(out, ref)
			obj, ok := simulator.Map.Get(ref).(mo.Entity)
			if !ok {
				return
			}
			me := obj.Entity()
			if vm, ok := obj.(*simulator.VirtualMachine); ok && vm.ResourcePool != nil {
				climb(*vm.ResourcePool)
			}
			if me.Parent == nil {
				return
			}
			ref = *me.Parent
		}
	}
	climb(e)
	return out
}

// apply rewrites triggeredAlarmState of every entity concerned. Caller holds b.mu.
func (b *alarmBook) apply() {
	next := map[types.ManagedObjectReference][]types.AlarmState{}
	for _, s := range b.states {
		for _, ref := range ancestors(s.Entity) {
			next[ref] = append(next[ref], s)
		}
	}
	for ref := range b.touched {
		if _, ok := next[ref]; !ok {
			next[ref] = nil
		}
	}
	for ref, list := range next {
		obj, ok := simulator.Map.Get(ref).(mo.Entity)
		if !ok {
			delete(b.touched, ref)
			continue
		}
		simulator.Map.WithLock(obj, func() {
			obj.Entity().TriggeredAlarmState = list
		})
		if list == nil {
			delete(b.touched, ref)
		} else {
			b.touched[ref] = true
		}
	}
}

func (b *alarmBook) list() []types.AlarmState {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := append([]types.AlarmState(nil), b.states...)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

func (b *alarmBook) clear(key string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i, s := range b.states {
		if s.Key == key {
			b.states = append(b.states[:i:i], b.states[i+1:]...)
			b.apply()
			return true
		}
	}
	return false
}

func (b *alarmBook) acknowledge(key, user string, when time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range b.states {
		if b.states[i].Key == key {
			s := b.states[i]
			s.Acknowledged = types.NewBool(true)
			s.AcknowledgedByUser = user
			s.AcknowledgedTime = &when
			b.states[i] = s
			b.apply()
			return true
		}
	}
	return false
}

// trigger adds (or replaces) the alarm state of alarm on entity.
func (b *alarmBook) trigger(alarm, entity types.ManagedObjectReference, status types.ManagedEntityStatus, when time.Time) types.AlarmState {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := newAlarmState(alarm, entity, status, when)
	for i := range b.states {
		if b.states[i].Key == s.Key {
			b.states[i] = s
			b.apply()
			return s
		}
	}
	b.states = append(b.states, s)
	b.apply()
	return s
}
