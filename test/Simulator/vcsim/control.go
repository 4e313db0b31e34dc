package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// controlRequest is the JSON body of POST /vcsync/control.
type controlRequest struct {
	Op         string          `json:"op"`
	DelayMs    *int64          `json:"delayMs,omitempty"`
	Key        string          `json:"key,omitempty"`
	User       string          `json:"user,omitempty"`
	Entity     string          `json:"entity,omitempty"`
	EntityType string          `json:"entityType,omitempty"`
	Alarm      string          `json:"alarm,omitempty"`
	Status     string          `json:"status,omitempty"`
	Host       string          `json:"host,omitempty"`
	Serial     *string         `json:"serialNumber,omitempty"`
	Other      *[]identifier   `json:"otherIdentifyingInfo,omitempty"`
	Inject     *injection      `json:"inject,omitempty"`
	mutation
	rawValueRequest
	Raw        json.RawMessage `json:"-"`
}

type identifier struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
}

type controlHandler struct{ w *world }

func (c *controlHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req controlRequest
	switch r.Method {
	case http.MethodGet:
		req.Op = r.URL.Query().Get("op")
		if req.Op == "" {
			req.Op = "status"
		}
	case http.MethodPost:
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			reply(w, http.StatusBadRequest, map[string]interface{}{"error": "bad JSON: " + err.Error()})
			return
		}
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	worldLock.Lock()
	res, err := c.do(&req)
	worldLock.Unlock()
	if err != nil {
		reply(w, http.StatusBadRequest, map[string]interface{}{"error": err.Error()})
		return
	}
	reply(w, http.StatusOK, res)
}

func reply(w http.ResponseWriter, code int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

type obj = map[string]interface{}

func (c *controlHandler) do(req *controlRequest) (interface{}, error) {
	switch req.Op {
	case "status":
		calls, total := callStats()
		return obj{
			"openTokens":        tokens.count(),
			"openSessions":      openSessions(),
			"delayMs":           atomic.LoadInt64(&state.delayMs),
			"pendingInjections": injections.pendingCount(),
			"calls":             calls,
			"totalCalls":        total,
			"triggeredAlarms":   len(alarms.list()),
		}, nil
	case "tokens":
		return obj{"openTokens": tokens.count()}, nil
	case "setDelay":
		if req.DelayMs == nil || *req.DelayMs < 0 {
			return nil, fmt.Errorf("setDelay needs delayMs >= 0")
		}
		atomic.StoreInt64(&state.delayMs, *req.DelayMs)
		return obj{"delayMs": *req.DelayMs}, nil
	case "inject":
		if req.Inject == nil {
			return nil, fmt.Errorf("inject needs an inject object")
		}
		if err := injections.add(*req.Inject); err != nil {
			return nil, err
		}
		return obj{"pendingInjections": injections.pendingCount()}, nil
	case "clearInjections":
		injections.clear()
		return obj{"pendingInjections": 0}, nil
	case "expireSessions":
		return obj{"expired": expireSessions(), "openTokens": tokens.count()}, nil
	case "resetStats":
		resetStats()
		return obj{}, nil
	case "listAlarms":
		return obj{"alarms": alarmJSON(alarms.list())}, nil
	case "clearAlarm":
		if !alarms.clear(req.Key) {
			return nil, fmt.Errorf("no triggered alarm with key %q", req.Key)
		}
		return obj{"cleared": req.Key}, nil
	case "acknowledgeAlarm":
		user := req.User
		if user == "" {
			user = "VSPHERE.LOCAL\\Administrator"
		}
		if !alarms.acknowledge(req.Key, user, time.Now().UTC()) {
			return nil, fmt.Errorf("no triggered alarm with key %q", req.Key)
		}
		return obj{"acknowledged": req.Key}, nil
	case "addAlarm":
		return c.addAlarm(req)
	case "setHostSerial":
		return c.setHostSerial(req)
	case "inventory":
		return c.inventory(), nil
	}
	if res, ok, err := c.mutate(req); ok {
		return res, err
	}
	if res, ok, err := c.rawValueOp(req); ok {
		return res, err
	}
	return nil, fmt.Errorf("unknown op %q", req.Op)
}

func alarmJSON(states []types.AlarmState) []obj {
	out := make([]obj, 0, len(states))
	for _, s := range states {
		o := obj{
			"key": s.Key, "entity": s.Entity.Value, "entityType": s.Entity.Type, "alarm": s.Alarm.Value,
			"overallStatus": s.OverallStatus, "time": s.Time.UTC().Format(time.RFC3339Nano),
			"acknowledged": s.Acknowledged != nil && *s.Acknowledged,
		}
		if s.AcknowledgedByUser != "" {
			o["acknowledgedByUser"] = s.AcknowledgedByUser
		}
		if s.AcknowledgedTime != nil {
			o["acknowledgedTime"] = s.AcknowledgedTime.UTC().Format(time.RFC3339Nano)
		}
		out = append(out, o)
	}
	return out
}

var entityTypes = []string{"HostSystem", "VirtualMachine", "Datastore", "ClusterComputeResource", "ComputeResource",
	"Datacenter", "Folder", "ResourcePool", "DistributedVirtualPortgroup", "Network", "VmwareDistributedVirtualSwitch"}

// findEntity resolves a moref value (optionally typed) or, failing that, a name.
func (c *controlHandler) findEntity(value, kind string) (mo.Entity, error) {
	kinds := entityTypes
	if kind != "" {
		kinds = []string{kind}
	}
	for _, k := range kinds {
		if e, ok := simulator.Map.Get(types.ManagedObjectReference{Type: k, Value: value}).(mo.Entity); ok {
			return e, nil
		}
	}
	for _, k := range kinds {
		for _, e := range simulator.Map.All(k) {
			if e.Entity().Name == value {
				return e, nil
			}
		}
	}
	return nil, fmt.Errorf("no entity %q", value)
}

func (c *controlHandler) addAlarm(req *controlRequest) (interface{}, error) {
	e, err := c.findEntity(req.Entity, req.EntityType)
	if err != nil {
		return nil, err
	}
	alarm, ok := alarms.byName[req.Alarm]
	if !ok {
		alarm = types.ManagedObjectReference{Type: "Alarm", Value: req.Alarm}
		if _, ok := simulator.Map.Get(alarm).(*mo.Alarm); !ok {
			return nil, fmt.Errorf("no alarm %q (give a moref like alarm-101 or a name)", req.Alarm)
		}
	}
	status := types.ManagedEntityStatus(req.Status)
	switch status {
	case types.ManagedEntityStatusRed, types.ManagedEntityStatusYellow, types.ManagedEntityStatusGreen, types.ManagedEntityStatusGray:
	case "":
		status = types.ManagedEntityStatusRed
	default:
		return nil, fmt.Errorf("status must be red, yellow, green or gray")
	}
	s := alarms.trigger(alarm, e.Reference(), status, time.Now().UTC())
	return obj{"key": s.Key, "alarm": alarmJSON([]types.AlarmState{s})[0]}, nil
}

func (c *controlHandler) setHostSerial(req *controlRequest) (interface{}, error) {
	e, err := c.findEntity(req.Host, "HostSystem")
	if err != nil {
		return nil, err
	}
	h := e.(*simulator.HostSystem)
	simulator.Map.WithLock(h, func() {
		hw := *h.Hardware
		if req.Serial != nil {
			hw.SystemInfo.SerialNumber = *req.Serial
		}
		if req.Other != nil {
			info := make([]types.HostSystemIdentificationInfo, 0, len(*req.Other))
			for _, o := range *req.Other {
				label := o.Label
				if label == "" {
					label = o.Key
				}
				info = append(info, identification(o.Key, label, o.Value))
			}
			hw.SystemInfo.OtherIdentifyingInfo = info
			sh := *h.Summary.Hardware
			sh.OtherIdentifyingInfo = append([]types.HostSystemIdentificationInfo(nil), info...)
			h.Summary.Hardware = &sh
		}
		h.Hardware = &hw
	})
	markDirty(h.Self)
	return obj{"host": h.Self.Value, "name": h.Name, "serialNumber": h.Hardware.SystemInfo.SerialNumber}, nil
}

func (c *controlHandler) inventory() obj {
	w := c.w
	hosts := make([]obj, 0, len(w.hosts))
	for _, h := range w.hosts {
		cl := ""
		if h.cluster != nil {
			cl = h.cluster.obj.Name
		}
		hosts = append(hosts, obj{"moref": h.obj.Self.Value, "name": h.obj.Name, "cluster": cl})
	}
	counts := obj{}
	for _, k := range []string{"VirtualMachine", "HostSystem", "ClusterComputeResource", "Datastore", "DistributedVirtualPortgroup", "Network", "VmwareDistributedVirtualSwitch", "Folder", "ResourcePool"} {
		counts[k] = len(simulator.Map.All(k))
	}
	alarmDefsOut := make([]obj, 0, len(w.alarms))
	for _, a := range w.alarms {
		alarmDefsOut = append(alarmDefsOut, obj{"moref": a.Self.Value, "name": a.Info.Name})
	}
	return obj{"counts": counts, "hosts": hosts, "alarms": alarmDefsOut, "rootFolder": alarms.root.Value,
		"datacenter": w.dc.Self.Value, "note": strings.TrimSpace("morefs are stable for a given seed and size")}
}
