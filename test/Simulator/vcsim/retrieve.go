package main

import (
	"path"
	"reflect"
	"strings"
	"sync"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// entry is one object of a result: the union of the paths asked for it by every matching PropertySpec.
type entry struct {
	ref   types.ManagedObjectReference
	obj   mo.Reference
	all   bool
	paths []string
	seen  map[string]bool
}

// retrieval computes the result of a RetrievePropertiesEx call once; pages are cut from it.
type retrieval struct {
	ctx     *simulator.Context
	api67   bool
	entries []*entry
	index   map[types.ManagedObjectReference]*entry
	missing []types.ObjectContent
}

// collect runs the property collector semantics of vCenter over the specs.
func collect(ctx *simulator.Context, specs []types.PropertyFilterSpec, api67 bool) ([]types.ObjectContent, types.BaseMethodFault) {
	refreshAlarms()
	r := &retrieval{ctx: ctx, api67: api67, index: map[types.ManagedObjectReference]*entry{}}
	for _, spec := range specs {
		for _, ps := range spec.PropSet {
			if t, ok := lookupMoType(ps.Type); ok && !isTrue(ps.All) {
				for _, p := range ps.PathSet {
					if !validPathCached(t, p, api67) {
						return nil, &types.InvalidProperty{Name: p}
					}
				}
			}
		}
	}
	for i := range specs {
		if fault := r.addSpec(&specs[i]); fault != nil {
			return nil, fault
		}
	}
	out := make([]types.ObjectContent, 0, len(r.entries)+len(r.missing))
	out = append(out, r.missing...)
	for _, e := range r.entries {
		out = append(out, r.content(e))
	}
	return out, nil
}

type pathKey struct {
	t     reflect.Type
	p     string
	api67 bool
}

var pathCache sync.Map

func validPathCached(t reflect.Type, p string, api67 bool) bool {
	k := pathKey{t, p, api67}
	if v, ok := pathCache.Load(k); ok {
		return v.(bool)
	}
	ok := validatePath(t, p, api67)
	pathCache.Store(k, ok)
	return ok
}

func isTrue(b *bool) bool { return b != nil && *b }

func (r *retrieval) get(ref types.ManagedObjectReference) mo.Reference {
	if r.ctx.Session != nil {
		return r.ctx.Session.Get(ref)
	}
	return r.ctx.Map.Get(ref)
}

// addSpec selects the objects of one PropertyFilterSpec and records the paths asked for them.
func (r *retrieval) addSpec(spec *types.PropertyFilterSpec) types.BaseMethodFault {
	named := map[string]*types.TraversalSpec{}
	var register func(sel []types.BaseSelectionSpec, depth int)
	register = func(sel []types.BaseSelectionSpec, depth int) {
		if depth > 32 {
			return
		}
		for _, s := range sel {
			if ts, ok := s.(*types.TraversalSpec); ok {
				if ts.Name != "" {
					if _, dup := named[ts.Name]; dup {
						continue
					}
					named[ts.Name] = ts
				}
				register(ts.SelectSet, depth+1)
			}
		}
	}
	for _, o := range spec.ObjectSet {
		register(o.SelectSet, 0)
	}

	var refs []types.ManagedObjectReference
	visited := map[visit]bool{}
	for _, o := range spec.ObjectSet {
		obj := r.get(o.Obj)
		if obj == nil {
			if !isTrue(spec.ReportMissingObjectsInResults) {
				return &types.ManagedObjectNotFound{Obj: o.Obj}
			}
			r.missing = append(r.missing, types.ObjectContent{Obj: o.Obj, MissingSet: []types.MissingProperty{{
				Path:  "",
				Fault: types.LocalizedMethodFault{Fault: &types.ManagedObjectNotFound{Obj: o.Obj}},
			}}})
			continue
		}
		if len(o.SelectSet) == 0 || !isTrue(o.Skip) {
			refs = append(refs, o.Obj)
		}
		if fault := r.traverse(obj, o.SelectSet, named, &refs, visited, 0); fault != nil {
			return fault
		}
	}
	for _, ref := range refs {
		e := r.index[ref]
		if e == nil {
			obj := r.get(ref)
			if obj == nil {
				continue // removed since it was listed (e.g. destroyed VM still in a view)
			}
			e = &entry{ref: ref, obj: obj}
			e.seen = map[string]bool{}
			matched := false
			t := moValue(obj).Type()
			rememberMoType(ref.Type, t)
			anc := ancestorNames(t)
			for _, ps := range spec.PropSet {
				if ps.Type == ref.Type || anc[ps.Type] {
					matched = true
				}
			}
			if !matched {
				continue
			}
			r.index[ref] = e
			r.entries = append(r.entries, e)
		}
		t := moValue(e.obj).Type()
		anc := ancestorNames(t)
		for _, ps := range spec.PropSet {
			if ps.Type != ref.Type && !anc[ps.Type] {
				continue
			}
			if isTrue(ps.All) {
				e.all = true
			}
			for _, p := range ps.PathSet {
				if !e.seen[p] {
					e.seen[p] = true
					e.paths = append(e.paths, p)
				}
			}
		}
	}
	return nil
}

type visit struct {
	ref types.ManagedObjectReference
	ts  *types.TraversalSpec
}

func (r *retrieval) traverse(obj mo.Reference, sel []types.BaseSelectionSpec, named map[string]*types.TraversalSpec,
	refs *[]types.ManagedObjectReference, visited map[visit]bool, depth int) types.BaseMethodFault {
	if depth > 64 {
		return nil
	}
	rv := moValue(obj)
	anc := ancestorNames(rv.Type())
	self := obj.Reference()
	for _, s := range sel {
		ts, ok := s.(*types.TraversalSpec)
		if !ok {
			name := s.GetSelectionSpec().Name
			ts = named[name]
			if ts == nil {
				return &types.InvalidArgument{InvalidProperty: "selectSet"}
			}
		}
		if ts.Type != self.Type && !anc[ts.Type] {
			continue
		}
		v := visit{self, ts}
		if visited[v] {
			continue
		}
		visited[v] = true
		val, ok := lookupPath(rv, ts.Path)
		if !ok {
			continue
		}
		for _, ref := range refsOf(val) {
			if !isTrue(ts.Skip) {
				*refs = append(*refs, ref)
			}
			if len(ts.SelectSet) == 0 {
				continue
			}
			child := r.get(ref)
			if child == nil {
				continue
			}
			if fault := r.traverse(child, ts.SelectSet, named, refs, visited, depth+1); fault != nil {
				return fault
			}
		}
	}
	return nil
}

func refsOf(v reflect.Value) []types.ManagedObjectReference {
	switch x := v.Interface().(type) {
	case types.ManagedObjectReference:
		return []types.ManagedObjectReference{x}
	case *types.ManagedObjectReference:
		if x != nil {
			return []types.ManagedObjectReference{*x}
		}
	case []types.ManagedObjectReference:
		return x
	}
	return nil
}

// moValue digs the vim25/mo struct out of a vcsim wrapper (the first embedded field, recursively).
func moValue(obj mo.Reference) reflect.Value {
	rv := reflect.ValueOf(obj).Elem()
	for path.Base(rv.Type().PkgPath()) != "mo" {
		if rv.Kind() != reflect.Struct || rv.NumField() == 0 {
			break
		}
		rv = rv.Field(0)
		if rv.Kind() == reflect.Ptr {
			rv = rv.Elem()
		}
	}
	return rv
}

// lookupPath follows a dotted property path on a value; ok is false when a step is unset or unknown.
func lookupPath(rv reflect.Value, p string) (reflect.Value, bool) {
	start := 0
	for {
		for rv.Kind() == reflect.Ptr || rv.Kind() == reflect.Interface {
			if rv.IsNil() {
				return reflect.Value{}, false
			}
			rv = rv.Elem()
		}
		if rv.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		end := strings.IndexByte(p[start:], '.')
		var seg string
		if end < 0 {
			seg = p[start:]
		} else {
			seg = p[start : start+end]
		}
		f, ok := fieldsOf(rv.Type()).byName[seg]
		if !ok {
			return reflect.Value{}, false
		}
		rv = rv.FieldByIndex(f.index)
		if end < 0 {
			return rv, true
		}
		start += end + 1
	}
}

// content evaluates the paths of one entry under the object's lock.
func (r *retrieval) content(e *entry) types.ObjectContent {
	oc := types.ObjectContent{Obj: e.ref}
	r.ctx.Map.WithLock(e.obj, func() {
		rv := moValue(e.obj)
		if e.all {
			for _, f := range fieldsOf(rv.Type()).list {
				if f.name == "self" {
					continue
				}
				if val := propValue(rv.FieldByIndex(f.index)); val != nil {
					oc.PropSet = append(oc.PropSet, types.DynamicProperty{Name: f.name, Val: val})
				}
			}
		}
		for _, p := range e.paths {
			if e.all && !strings.Contains(p, ".") {
				continue
			}
			v, ok := lookupPath(rv, p)
			if !ok {
				continue
			}
			if val := propValue(v); val != nil {
				oc.PropSet = append(oc.PropSet, types.DynamicProperty{Name: p, Val: val})
			}
		}
	})
	return oc
}

// propValue converts a field to what goes on the wire; nil means unset (no propSet entry).
func propValue(v reflect.Value) interface{} {
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		if v.Kind() == reflect.Ptr {
			return v.Elem().Interface()
		}
		return v.Interface()
	case reflect.String:
		if v.Len() == 0 {
			return nil
		}
		return v.Interface()
	case reflect.Slice:
		return wrapSlice(v)
	}
	return v.Interface()
}

var arrayTypes sync.Map // element reflect.Type -> ArrayOf reflect.Type

// wrapSlice turns a slice into the matching types.ArrayOfX.
func wrapSlice(v reflect.Value) interface{} {
	switch x := v.Interface().(type) {
	case []string:
		return &types.ArrayOfString{String: x}
	case []uint8:
		return &types.ArrayOfByte{Byte: x}
	case []int16:
		return &types.ArrayOfShort{Short: x}
	case []int32:
		return &types.ArrayOfInt{Int: x}
	case []int64:
		return &types.ArrayOfLong{Long: x}
	case []types.ManagedObjectReference:
		return &types.ArrayOfManagedObjectReference{ManagedObjectReference: x}
	}
	elem := v.Type().Elem()
	kind := strings.TrimPrefix(elem.Name(), "Base")
	at, ok := arrayTypes.Load(elem)
	if !ok {
		t, found := types.TypeFunc()("ArrayOf" + kind)
		if !found {
			return v.Interface()
		}
		arrayTypes.Store(elem, t)
		at = t
	}
	a := reflect.New(at.(reflect.Type))
	a.Elem().FieldByName(kind).Set(v)
	return a.Interface()
}
