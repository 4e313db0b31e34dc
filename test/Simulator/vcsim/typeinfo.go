package main

import (
	"path"
	"reflect"
	"strings"
	"sync"

	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// field is one vSphere property of a Go struct: its wire name and the index path to it.
type field struct {
	name  string
	index []int
}

// structFields lists the wire-named fields of a struct type, embedded structs flattened,
// shallower fields first (Go's promotion rule).
type structFields struct {
	list   []field
	byName map[string]field
}

var fieldCache sync.Map // reflect.Type -> *structFields

func fieldsOf(t reflect.Type) *structFields {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*structFields)
	}
	sf := &structFields{byName: map[string]field{}}
	var walk func(t reflect.Type, prefix []int)
	type pending struct {
		t      reflect.Type
		prefix []int
	}
	queue := []pending{{t, nil}}
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int(nil), prefix...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				queue = append(queue, pending{f.Type, idx})
				continue
			}
			name := tagName(f)
			if name == "" || name == "-" {
				continue
			}
			if _, dup := sf.byName[name]; dup {
				continue
			}
			fl := field{name: name, index: idx}
			sf.byName[name] = fl
			sf.list = append(sf.list, fl)
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		walk(p.t, p.prefix)
	}
	fieldCache.Store(t, sf)
	return sf
}

func tagName(f reflect.StructField) string {
	tag := f.Tag.Get("mo")
	if tag == "" {
		tag = f.Tag.Get("xml")
	}
	if tag == "" {
		if f.PkgPath != "" {
			return ""
		}
		return strings.ToLower(f.Name[:1]) + f.Name[1:]
	}
	if i := strings.IndexByte(tag, ','); i >= 0 {
		tag = tag[:i]
	}
	if i := strings.LastIndexByte(tag, ' '); i >= 0 {
		tag = tag[i+1:]
	}
	return tag
}

// moTypes maps a managed object type name to its vim25/mo struct.
var moTypes = map[string]reflect.Type{}
var moTypesMu sync.RWMutex

func init() {
	for _, v := range []interface{}{
		mo.ManagedEntity{}, mo.ExtensibleManagedObject{}, mo.Folder{}, mo.Datacenter{}, mo.ComputeResource{},
		mo.ClusterComputeResource{}, mo.HostSystem{}, mo.VirtualMachine{}, mo.ResourcePool{}, mo.VirtualApp{},
		mo.Datastore{}, mo.StoragePod{}, mo.Network{}, mo.OpaqueNetwork{}, mo.DistributedVirtualPortgroup{},
		mo.DistributedVirtualSwitch{}, mo.VmwareDistributedVirtualSwitch{}, mo.Alarm{}, mo.AlarmManager{},
		mo.ContainerView{}, mo.ListView{}, mo.ManagedObjectView{}, mo.View{}, mo.Task{}, mo.SessionManager{},
		mo.ServiceInstance{}, mo.PropertyCollector{}, mo.PropertyFilter{}, mo.ViewManager{}, mo.EventManager{},
	} {
		t := reflect.TypeOf(v)
		moTypes[t.Name()] = t
	}
}

func lookupMoType(name string) (reflect.Type, bool) {
	moTypesMu.RLock()
	defer moTypesMu.RUnlock()
	t, ok := moTypes[name]
	return t, ok
}

func rememberMoType(name string, t reflect.Type) {
	moTypesMu.RLock()
	_, ok := moTypes[name]
	moTypesMu.RUnlock()
	if !ok {
		moTypesMu.Lock()
		moTypes[name] = t
		moTypesMu.Unlock()
	}
}

// ancestorNames returns the type name and the names of the managed types it extends.
var ancestorCache sync.Map // reflect.Type -> map[string]bool

func ancestorNames(t reflect.Type) map[string]bool {
	if v, ok := ancestorCache.Load(t); ok {
		return v.(map[string]bool)
	}
	names := map[string]bool{t.Name(): true}
	for cur := t; cur.Kind() == reflect.Struct && cur.NumField() > 0; {
		f := cur.Field(0)
		if !f.Anonymous || path.Base(f.Type.PkgPath()) != "mo" {
			break
		}
		names[f.Type.Name()] = true
		cur = f.Type
	}
	if names["ManagedEntity"] || names["ExtensibleManagedObject"] {
		names["ManagedObject"] = true
	}
	ancestorCache.Store(t, names)
	return names
}

// interfaceBase resolves a govmomi "BaseX" interface type to the struct X declared in the WSDL.
func interfaceBase(t reflect.Type) (reflect.Type, bool) {
	name := strings.TrimPrefix(t.Name(), "Base")
	return types.TypeFunc()(name)
}

// validatePath checks a property path against the declared type, as vCenter does:
// a path that does not exist on the declared type (or needs a newer API) is an InvalidProperty.
func validatePath(t reflect.Type, p string, api67 bool) bool {
	if strings.ContainsAny(p, "[]\"") {
		return true // keyed access (config.extraConfig["x"]) is not modelled
	}
	segs := strings.Split(p, ".")
	for i, seg := range segs {
		for {
			switch t.Kind() {
			case reflect.Ptr:
				t = t.Elem()
				continue
			case reflect.Interface:
				base, ok := interfaceBase(t)
				if !ok {
					return true
				}
				t = base
				continue
			}
			break
		}
		if t.Kind() != reflect.Struct {
			return false // cannot step into an array or a primitive
		}
		f, ok := fieldsOf(t).byName[seg]
		if !ok {
			return false
		}
		if !api67 && t == reflect.TypeOf(types.HostSystemInfo{}) && seg == "serialNumber" {
			return false
		}
		sf := t.FieldByIndex(f.index)
		t = sf.Type
		_ = i
	}
	return true
}
