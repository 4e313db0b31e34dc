package main

import (
	"context"
	"crypto/tls"
	"errors"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// watchRig is a seeded world served over HTTPS with a logged-in govmomi client.
type watchRig struct {
	t      *testing.T
	w      *world
	srv    *simulator.Server
	c      *vim25.Client
	ctl    *controlHandler
	pc     types.ManagedObjectReference
	filter types.ManagedObjectReference
}

func newWatchRig(t *testing.T, vms string) *watchRig {
	cfg, err := parseFlags([]string{"-size", "small", "-vms", vms, "-seed", "3"})
	if err != nil {
		t.Fatal(err)
	}
	state.cfg.Store(cfg)
	w, err := buildWorld(cfg)
	if err != nil {
		t.Fatal(err)
	}
	installCollector()
	installHooks()
	svc := w.model.Service
	svc.TLS = new(tls.Config)
	svc.Listen = &url.URL{Host: "127.0.0.1:0", User: url.UserPassword(cfg.Username, cfg.Password)}
	srv := svc.NewServer()
	ctl := &controlHandler{w: w}
	srv.Config.Handler = middleware(srv.Config.Handler, ctl)
	t.Cleanup(func() { srv.Close(); w.cleanup() })

	ctx := context.Background()
	sc := soap.NewClient(srv.URL, true)
	c, err := vim25.NewClient(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := methods.Login(ctx, c, &types.Login{This: *c.ServiceContent.SessionManager, UserName: cfg.Username, Password: cfg.Password}); err != nil {
		t.Fatal(err)
	}
	r := &watchRig{t: t, w: w, srv: srv, c: c, ctl: ctl}
	pc, err := methods.CreatePropertyCollector(ctx, c, &types.CreatePropertyCollector{This: c.ServiceContent.PropertyCollector})
	if err != nil {
		t.Fatal(err)
	}
	r.pc = pc.Returnval
	view, err := methods.CreateContainerView(ctx, c, &types.CreateContainerView{
		This: *c.ServiceContent.ViewManager, Container: c.ServiceContent.RootFolder,
		Type: []string{"VirtualMachine", "HostSystem", "Datastore", "DistributedVirtualPortgroup"}, Recursive: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	skip := true
	spec := types.PropertyFilterSpec{
		ObjectSet: []types.ObjectSpec{{Obj: view.Returnval, Skip: &skip, SelectSet: []types.BaseSelectionSpec{
			&types.TraversalSpec{SelectionSpec: types.SelectionSpec{Name: "view"}, Type: "ContainerView", Path: "view"},
		}}},
		PropSet: []types.PropertySpec{
			{Type: "VirtualMachine", PathSet: []string{"name", "runtime.powerState", "runtime.host", "guest.ipAddress", "network", "config.hardware.device"}},
			{Type: "HostSystem", PathSet: []string{"name", "runtime.inMaintenanceMode", "hardware.systemInfo.serialNumber"}},
			{Type: "Datastore", PathSet: []string{"name", "summary.freeSpace"}},
			{Type: "DistributedVirtualPortgroup", PathSet: []string{"name", "config.defaultPortConfig"}},
		},
	}
	f, err := methods.CreateFilter(ctx, c, &types.CreateFilter{This: r.pc, Spec: spec})
	if err != nil {
		t.Fatal(err)
	}
	r.filter = f.Returnval
	return r
}

func (r *watchRig) wait(version string, maxWait int32, maxUpdates int32) (*types.UpdateSet, error) {
	res, err := methods.WaitForUpdatesEx(context.Background(), r.c, &types.WaitForUpdatesEx{
		This: r.pc, Version: version, Options: &types.WaitOptions{MaxWaitSeconds: &maxWait, MaxObjectUpdates: maxUpdates},
	})
	if err != nil {
		return nil, err
	}
	return res.Returnval, nil
}

func (r *watchRig) control(req *controlRequest) interface{} {
	worldLock.Lock()
	defer worldLock.Unlock()
	res, err := r.ctl.do(req)
	if err != nil {
		r.t.Fatalf("%s: %v", req.Op, err)
	}
	return res
}

// drain reads from "" until the first set that is not truncated; it returns every object update.
func (r *watchRig) drain(version string, maxUpdates int32) ([]types.ObjectUpdate, string, int) {
	var all []types.ObjectUpdate
	sets := 0
	for {
		set, err := r.wait(version, 1, maxUpdates)
		if err != nil {
			r.t.Fatal(err)
		}
		if set == nil {
			return all, version, sets
		}
		sets++
		for _, fs := range set.FilterSet {
			if fs.Filter != r.filter {
				r.t.Fatalf("filter %v, want %v", fs.Filter, r.filter)
			}
			all = append(all, fs.ObjectSet...)
		}
		if set.Version == version {
			r.t.Fatalf("version did not advance from %q", version)
		}
		version = set.Version
		if set.Truncated == nil || !*set.Truncated {
			return all, version, sets
		}
		if len(set.FilterSet[0].ObjectSet) != int(maxUpdates) {
			r.t.Fatalf("truncated set with %d objects, want %d", len(set.FilterSet[0].ObjectSet), maxUpdates)
		}
	}
}

func TestWaitForUpdatesExVersionsTruncationAndKinds(t *testing.T) {
	r := newWatchRig(t, "250")
	all, version, sets := r.drain("", 40)
	objects := len(r.w.vms) + len(r.w.hosts) + len(r.w.datastores) + len(simulator.Map.All("DistributedVirtualPortgroup"))
	if len(all) != objects || sets != (objects+39)/40 {
		t.Fatalf("%d enters in %d sets, want %d objects", len(all), sets, objects)
	}
	for _, u := range all {
		if u.Kind != types.ObjectUpdateKindEnter || len(u.ChangeSet) == 0 {
			t.Fatalf("initial update %v of %v with %d changes", u.Kind, u.Obj, len(u.ChangeSet))
		}
	}
	// Nothing changed: maxWaitSeconds passes with no result.
	if set, err := r.wait(version, 0, 0); err != nil || set != nil {
		t.Fatalf("idle wait: %v %v", set, err)
	}

	vm := r.w.vms[10]
	r.control(&controlRequest{Op: "rename", Entity: vm.Self.Value, mutation: mutation{Name: "renamed-vm"}})
	ups, version, _ := r.drain(version, 100)
	if len(ups) != 1 || ups[0].Kind != types.ObjectUpdateKindModify || ups[0].Obj != vm.Self ||
		len(ups[0].ChangeSet) != 1 || ups[0].ChangeSet[0].Name != "name" || ups[0].ChangeSet[0].Val != "renamed-vm" {
		t.Fatalf("rename: %+v", ups)
	}

	created := r.control(&controlRequest{Op: "createVM", mutation: mutation{Name: "brand-new"}}).(obj)
	ups, version, _ = r.drain(version, 100)
	kinds := map[types.ObjectUpdateKind]int{}
	for _, u := range ups {
		kinds[u.Kind]++
		if u.Kind == types.ObjectUpdateKindEnter && u.Obj.Value != created["moref"] {
			t.Fatalf("enter of %v", u.Obj)
		}
	}
	if kinds[types.ObjectUpdateKindEnter] != 1 {
		t.Fatalf("create: %+v", kinds)
	}

	r.control(&controlRequest{Op: "destroyVM", mutation: mutation{VM: "brand-new"}})
	ups, version, _ = r.drain(version, 100)
	leaves := 0
	for _, u := range ups {
		if u.Kind == types.ObjectUpdateKindLeave {
			leaves++
			if u.Obj.Value != created["moref"] || len(u.ChangeSet) != 0 {
				t.Fatalf("leave: %+v", u)
			}
		}
	}
	if leaves != 1 {
		t.Fatalf("destroy: %+v", ups)
	}

	// A power-off unsets guest.ipAddress: assign without a value.
	var on *simulator.VirtualMachine
	for _, v := range r.w.vms {
		if v.Guest != nil && v.Guest.IpAddress != "" {
			on = v
			break
		}
	}
	r.control(&controlRequest{Op: "powerVM", mutation: mutation{VM: on.Self.Value, State: "poweredOff"}})
	ups, version, _ = r.drain(version, 100)
	names := map[string]interface{}{}
	for _, c := range ups[0].ChangeSet {
		if c.Op != types.PropertyChangeOpAssign {
			t.Fatalf("op %v", c.Op)
		}
		names[c.Name] = c.Val
	}
	if v, ok := names["guest.ipAddress"]; !ok || v != nil || names["runtime.powerState"] != types.VirtualMachinePowerStatePoweredOff {
		t.Fatalf("power off: %+v (%d updates, %v)", names, len(ups), on.Guest)
	}

	// A burst of power-ons is delivered in sets of at most the cap.
	res := r.control(&controlRequest{Op: "powerOnMany", mutation: mutation{Count: 30}}).(obj)
	ups, version, sets = r.drain(version, 10)
	if len(ups) != res["count"].(int) || sets != (len(ups)+9)/10 {
		t.Fatalf("burst: %d updates in %d sets for %v", len(ups), sets, res["count"])
	}

	// Moving a VM, a NIC, maintenance, serial, free space and VLAN are modifies of the right paths.
	host := r.w.hosts[len(r.w.hosts)-2]
	r.control(&controlRequest{Op: "moveVM", Host: host.obj.Self.Value, mutation: mutation{VM: vm.Self.Value}})
	r.control(&controlRequest{Op: "addNic", mutation: mutation{VM: vm.Self.Value, Network: "VM Network"}})
	r.control(&controlRequest{Op: "hostMaintenance", Host: host.obj.Self.Value})
	serial := "NEW1234"
	r.control(&controlRequest{Op: "setHostSerial", Host: host.obj.Self.Value, Serial: &serial})
	free := int64(12345)
	r.control(&controlRequest{Op: "datastoreFreeSpace", mutation: mutation{Datastore: r.w.datastores[0].obj.Self.Value, FreeSpace: &free}})
	vlan := int32(777)
	r.control(&controlRequest{Op: "portgroupVlan", mutation: mutation{Portgroup: "dvpg-prod-vlan100", VlanID: &vlan}})
	ups, version, _ = r.drain(version, 100)
	changed := map[string]bool{}
	for _, u := range ups {
		for _, c := range u.ChangeSet {
			changed[u.Obj.Type+" "+c.Name] = true
		}
	}
	for _, want := range []string{"VirtualMachine runtime.host", "VirtualMachine network", "VirtualMachine config.hardware.device",
		"HostSystem runtime.inMaintenanceMode", "HostSystem hardware.systemInfo.serialNumber", "Datastore summary.freeSpace",
		"DistributedVirtualPortgroup config.defaultPortConfig"} {
		if !changed[want] {
			t.Errorf("no change of %s in %v", want, changed)
		}
	}
	v, _ := strconv.Atoi(version)
	if v < 10 {
		t.Fatalf("version %s", version)
	}
	// An old version is refused.
	if _, err := r.wait("1", 0, 0); !isFault(err, "InvalidCollectorVersion") {
		t.Fatalf("old version: %v", err)
	}
}

func isFault(err error, kind string) bool {
	if err == nil || !soap.IsSoapFault(err) {
		return false
	}
	f := soap.ToSoapFault(err).VimFault()
	switch kind {
	case "InvalidCollectorVersion":
		_, ok := f.(types.InvalidCollectorVersion)
		return ok
	case "NotAuthenticated":
		_, ok := f.(types.NotAuthenticated)
		return ok
	case "RequestCanceled":
		_, ok := f.(types.RequestCanceled)
		return ok
	}
	return false
}

func TestWaitForUpdatesExFailures(t *testing.T) {
	r := newWatchRig(t, "20")
	_, version, _ := r.drain("", 100)

	waitErr := func(f func()) error {
		done := make(chan error, 1)
		go func() {
			_, err := r.wait(version, 30, 0)
			done <- err
		}()
		time.Sleep(300 * time.Millisecond)
		f()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			return errors.New("the wait did not end")
		}
	}
	if err := waitErr(func() { r.control(&controlRequest{Op: "invalidateCollectors"}) }); !isFault(err, "InvalidCollectorVersion") {
		t.Fatalf("invalidate: %v", err)
	}
	_, version, _ = r.drain("", 100) // "" starts over
	if err := waitErr(func() {
		_, _ = methods.CancelWaitForUpdates(context.Background(), r.c, &types.CancelWaitForUpdates{This: r.pc})
	}); !isFault(err, "RequestCanceled") {
		t.Fatalf("cancel: %v", err)
	}
	if err := waitErr(func() { r.control(&controlRequest{Op: "expireSessions"}) }); !isFault(err, "NotAuthenticated") {
		t.Fatalf("expiry: %v", err)
	}
}
