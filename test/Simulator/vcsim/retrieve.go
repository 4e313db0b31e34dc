package main

import (
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// pathSet is what one PropertySpec asks of one object type.
type pathSet struct {
	all   bool
	paths []string
}

// entry is one object of a result: the union of the paths asked for it by every matching PropertySpec.
type entry struct {
	ref  types.ManagedObjectReference
	obj  mo.Reference
	sets []*pathSet
}

// merged returns the union of the entry's paths in request order.
func (e *entry) merged() (bool, []string) {
	if len(e.sets) == 1 {
		return e.sets[0].all, e.sets[0].paths
	}
	all := false
	seen := map[string]bool{}
	var paths []string
	for _, s := range e.sets {
		all = all || s.all
		for _, p := range s.paths {
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	return all, paths
}

// item is one object of a computed result, already encoded.
type item struct {
	ref   types.ManagedObjectReference
	inner []byte   // <obj/> then <propSet/>s (or <missingSet/>), without the enclosing element
	paths []string // what was asked, for injected missingSet answers
}

// retrieval computes the result of a RetrievePropertiesEx call once; pages are cut from it.
type retrieval struct {
	ctx     *simulator.Context
	api67   bool
	entries []*entry
	index   map[types.ManagedObjectReference]*entry
	missing []types.ObjectContent
}

// selectObjects validates the specs and selects the objects with the paths asked of each.
// Caller holds worldLock for reading.
func selectObjects(ctx *simulator.Context, specs []types.PropertyFilterSpec, api67 bool) (*retrieval, types.BaseMethodFault) {
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
	return r, nil
}

// collect runs the property collector semantics of vCenter over the specs. The objects are selected
// at once; their properties are encoded by a background producer in result order, so the first page is
// served quickly and the rest is encoded while the client reads (the world lock keeps it a snapshot).
func collect(ctx *simulator.Context, specs []types.PropertyFilterSpec, api67 bool) (*production, types.BaseMethodFault) {
	refreshAlarms()
	worldLock.RLock()
	r, fault := selectObjects(ctx, specs, api67)
	if fault != nil {
		worldLock.RUnlock()
		return nil, fault
	}
	p := &production{items: make([]item, len(r.missing)+len(r.entries))}
	p.cond = sync.NewCond(&p.mu)
	for i := range r.missing {
		e := &xmlEncoder{}
		e.objectContent(&r.missing[i])
		p.items[i] = item{ref: r.missing[i].Obj, inner: e.b}
	}
	p.ready = len(r.missing)
	if len(r.entries) == 0 {
		worldLock.RUnlock()
		return p, nil
	}
	go p.produce(r) // releases the read lock when done
	return p, nil
}

// production is a result being encoded: items[:ready] are done.
type production struct {
	items     []item
	mu        sync.Mutex
	cond      *sync.Cond
	ready     int
	abandoned int32
}

const produceBatch = 50

func (p *production) produce(r *retrieval) {
	defer worldLock.RUnlock()
	base := p.ready
	enc := &xmlEncoder{}
	for i, e := range r.entries {
		if i%produceBatch == 0 && atomic.LoadInt32(&p.abandoned) != 0 {
			break
		}
		if i%1000 == 0 {
			n := len(r.entries) - i
			if n > 1000 {
				n = 1000
			}
			enc.b = make([]byte, 0, 2600*n) // one buffer per block of items
		}
		_, paths := e.merged()
		start := len(enc.b)
		r.encodeEntry(enc, e)
		p.items[base+i] = item{ref: e.ref, inner: enc.b[start:len(enc.b):len(enc.b)], paths: paths}
		if (i+1)%produceBatch == 0 || i+1 == len(r.entries) {
			p.mu.Lock()
			p.ready = base + i + 1
			p.cond.Broadcast()
			p.mu.Unlock()
		}
	}
	p.mu.Lock()
	p.ready = len(p.items)
	p.cond.Broadcast()
	p.mu.Unlock()
}

// wait returns once the first n items are encoded.
func (p *production) wait(n int) {
	p.mu.Lock()
	for p.ready < n {
		p.cond.Wait()
	}
	p.mu.Unlock()
}

// all waits for every item.
func (p *production) all() []item {
	p.wait(len(p.items))
	return p.items
}

// abandon stops the producer early (token cancelled or dropped).
func (p *production) abandon() { atomic.StoreInt32(&p.abandoned, 1) }

// collectContents is collect returning govmomi structures (the reference the encoder is tested against).
func collectContents(ctx *simulator.Context, specs []types.PropertyFilterSpec, api67 bool) ([]types.ObjectContent, types.BaseMethodFault) {
	worldLock.RLock()
	defer worldLock.RUnlock()
	r, fault := selectObjects(ctx, specs, api67)
	if fault != nil {
		return nil, fault
	}
	out := append([]types.ObjectContent(nil), r.missing...)
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

// matchSpec returns what the PropertySpecs of one filter ask of objects of this type (nil: nothing).
func matchSpec(spec *types.PropertyFilterSpec, refType string, t reflect.Type) *pathSet {
	anc := ancestorNames(t)
	var set *pathSet
	var seen map[string]bool
	for _, ps := range spec.PropSet {
		if ps.Type != refType && !anc[ps.Type] {
			continue
		}
		if set == nil {
			set = &pathSet{}
			seen = map[string]bool{}
		}
		if isTrue(ps.All) {
			set.all = true
		}
		for _, p := range ps.PathSet {
			if !seen[p] {
				seen[p] = true
				set.paths = append(set.paths, p)
			}
		}
	}
	return set
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
	matches := map[string]*pathSet{}
	known := map[string]bool{}
	for _, ref := range refs {
		e := r.index[ref]
		var obj mo.Reference
		if e != nil {
			obj = e.obj
		} else if obj = r.get(ref); obj == nil {
			continue // removed since it was listed (e.g. destroyed VM still in a view)
		}
		set, ok := matches[ref.Type]
		if !ok || !known[ref.Type] {
			t := moValue(obj).Type()
			rememberMoType(ref.Type, t)
			set = matchSpec(spec, ref.Type, t)
			matches[ref.Type] = set
			known[ref.Type] = true
		}
		if set == nil {
			continue
		}
		if e == nil {
			e = &entry{ref: ref, obj: obj}
			r.index[ref] = e
			r.entries = append(r.entries, e)
		}
		dup := false
		for _, s := range e.sets {
			if s == set {
				dup = true
			}
		}
		if !dup {
			e.sets = append(e.sets, set)
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

// content evaluates the paths of one entry under the object's lock, as govmomi structures.
func (r *retrieval) content(e *entry) types.ObjectContent {
	oc := types.ObjectContent{Obj: e.ref}
	all, paths := e.merged()
	r.ctx.Map.WithLock(e.obj, func() {
		rv := moValue(e.obj)
		if all {
			for _, f := range fieldsOf(rv.Type()).list {
				if f.name == "self" {
					continue
				}
				if val := propValue(rv.FieldByIndex(f.index)); val != nil {
					oc.PropSet = append(oc.PropSet, types.DynamicProperty{Name: f.name, Val: val})
				}
			}
		}
		for _, p := range paths {
			if all && !strings.Contains(p, ".") {
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
