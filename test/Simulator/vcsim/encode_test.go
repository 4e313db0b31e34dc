package main

import (
	"bytes"
	"context"
	"testing"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

// TestEncoderMatchesGovmomi encodes every property of every object of a seeded world with the
// fast path and with govmomi's encoder over govmomi structures, and requires the same bytes.
func TestEncoderMatchesGovmomi(t *testing.T) {
	cfg, err := parseFlags([]string{"-size", "small", "-vms", "400", "-seed", "7"})
	if err != nil {
		t.Fatal(err)
	}
	state.cfg.Store(cfg)
	w, err := buildWorld(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer w.cleanup()
	installCollector()

	objects := []types.ObjectSpec{{Obj: types.ManagedObjectReference{Type: "VirtualMachine", Value: "vm-missing"}}}
	for _, e := range simulator.Map.All("") {
		objects = append(objects, types.ObjectSpec{Obj: e.Reference()})
	}
	for _, a := range w.alarms {
		objects = append(objects, types.ObjectSpec{Obj: a.Self})
	}
	all := true
	specs := []types.PropertyFilterSpec{{
		ObjectSet:                     objects,
		PropSet:                       []types.PropertySpec{{Type: "ManagedEntity", All: &all}, {Type: "Alarm", All: &all}},
		ReportMissingObjectsInResults: &all,
	}, {
		// A second filter asking typed paths of the same objects: merged into the same entries.
		ObjectSet: objects[1:],
		PropSet: []types.PropertySpec{
			{Type: "VirtualMachine", PathSet: []string{"summary.storage.uncommitted", "guest.ipAddress", "config.hardware.numCPU", "runtime.host"}},
			{Type: "HostSystem", PathSet: []string{"hardware.systemInfo.serialNumber", "hardware.systemInfo.otherIdentifyingInfo", "config.product.version"}},
			{Type: "DistributedVirtualPortgroup", PathSet: []string{"config.defaultPortConfig", "config.uplink"}},
		},
	}}
	ctx := &simulator.Context{Context: context.Background(), Map: simulator.Map}
	contents, fault := collectContents(ctx, specs, true)
	if fault != nil {
		t.Fatalf("collectContents: %#v", fault)
	}
	prod, fault := collect(ctx, specs, true)
	if fault != nil {
		t.Fatalf("collect: %#v", fault)
	}
	items := prod.all()
	if len(contents) != len(items) || len(items) < 450 {
		t.Fatalf("%d contents, %d items", len(contents), len(items))
	}
	compare := func(what string, oc types.ObjectContent, got []byte) {
		var want bytes.Buffer
		enc := xml.NewEncoder(&want)
		if err := enc.EncodeElement(oc, xml.StartElement{Name: xml.Name{Local: "objects"}}); err != nil {
			t.Fatalf("govmomi encode %s: %v", oc.Obj, err)
		}
		_ = enc.Flush()
		got = append(append([]byte("<objects>"), got...), "</objects>"...)
		if !bytes.Equal(got, want.Bytes()) {
			n := 0
			for n < len(got) && n < want.Len() && got[n] == want.Bytes()[n] {
				n++
			}
			lo := n - 200
			if lo < 0 {
				lo = 0
			}
			t.Fatalf("%s %s differs at byte %d:\n got: %s\nwant: %s", what, oc.Obj, n, got[lo:min(len(got), n+200)], want.Bytes()[lo:min(want.Len(), n+200)])
		}
	}
	for i := range items {
		if items[i].ref != contents[i].Obj {
			t.Fatalf("order differs at %d: %s vs %s", i, items[i].ref, contents[i].Obj)
		}
		compare("object", contents[i], items[i].inner)
	}
	// Injected missingSet answers.
	for _, it := range missingItems(items[:5]) {
		oc := types.ObjectContent{Obj: it.ref}
		for _, p := range it.paths {
			oc.MissingSet = append(oc.MissingSet, types.MissingProperty{Path: p, Fault: types.LocalizedMethodFault{
				Fault: &types.NotAuthenticated{NoPermission: types.NoPermission{Object: it.ref, PrivilegeId: "System.View"}}}})
		}
		if len(it.paths) == 0 {
			oc.MissingSet = append(oc.MissingSet, types.MissingProperty{Path: "name", Fault: types.LocalizedMethodFault{
				Fault: &types.NotAuthenticated{NoPermission: types.NoPermission{Object: it.ref, PrivilegeId: "System.View"}}}})
		}
		compare("missingSet", oc, it.inner)
	}
	// A whole page.
	var want bytes.Buffer
	enc := xml.NewEncoder(&want)
	_ = enc.EncodeElement(types.RetrieveResult{Token: "12", Objects: contents[:50]}, xml.StartElement{Name: xml.Name{Local: "returnval"}})
	_ = enc.Flush()
	if got := resultXML("12", items[:50]); !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("page differs")
	}
	t.Logf("%d objects encoded identically", len(items))
}

func min(a, b int) int {
	if a < b {
		return a
	}
	return b
}
