package main

import (
	"bytes"
	"hash/fnv"
	"reflect"
	"sync"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// watchFilter is one filter of a collector: what it reported last (a hash per property of each
// object) and which objects may have changed since.
type watchFilter struct {
	mu       sync.Mutex
	ref      types.ManagedObjectReference
	spec     types.PropertyFilterSpec
	partial  bool
	cursor   int64
	full     bool // consider every object of the filter (version "")
	pending  []types.ManagedObjectReference
	queued   map[types.ManagedObjectReference]bool
	reported map[types.ManagedObjectReference]map[string]uint64
	// sel is the filter's selection (its objects and the paths asked of each), kept between evaluations: a change to
	// objects already selected does not change which objects the filter selects, so only a new object of a type the
	// filter asks for makes it select again. An evaluation then costs what changed, not the whole inventory.
	sel *retrieval
}

// objectUpdate is one encoded ObjectUpdate (without its enclosing element).
type objectUpdate []byte

type filterUpdate struct {
	filter  types.ManagedObjectReference
	objects []objectUpdate
}

func newWatchFilter(ref types.ManagedObjectReference, spec types.PropertyFilterSpec, partial bool, seq int64) *watchFilter {
	f := &watchFilter{ref: ref, spec: spec, partial: partial, cursor: seq}
	f.reset()
	return f
}

// reset forgets what was reported: the next evaluation reports every object as enter.
func (f *watchFilter) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.full = true
	f.pending = nil
	f.queued = map[types.ManagedObjectReference]bool{}
	f.reported = map[types.ManagedObjectReference]map[string]uint64{}
	f.sel = nil
	f.cursor, _ = feed.current()
}

// pull queues the objects changed since the filter's cursor.
func (f *watchFilter) pull() {
	f.mu.Lock()
	defer f.mu.Unlock()
	refs, seq, _, _ := feed.since(f.cursor)
	f.cursor = seq
	for _, r := range refs {
		f.queue(r)
	}
}

func (f *watchFilter) queue(r types.ManagedObjectReference) {
	if !f.queued[r] {
		f.queued[r] = true
		f.pending = append(f.pending, r)
	}
}

func (f *watchFilter) hasPending() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.full || len(f.pending) > 0
}

// evaluate reports up to max objects whose properties or membership changed; more is true when
// queued objects remain (the set is truncated).
func (f *watchFilter) evaluate(ctx *simulator.Context, max int) ([]objectUpdate, bool) {
	worldLock.RLock()
	defer worldLock.RUnlock()
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.full || f.sel == nil || f.selectsNew(ctx) {
		r, fault := selectObjects(ctx, []types.PropertyFilterSpec{f.spec}, currentConfig().apiAtLeast(6, 7))
		if fault != nil {
			return nil, false
		}
		f.sel = r
	}
	r := f.sel
	r.ctx = ctx
	if f.full {
		f.full = false
		for _, e := range r.entries {
			f.queue(e.ref)
		}
	}
	var out []objectUpdate
	enc := &xmlEncoder{}
	i := 0
	for ; i < len(f.pending) && len(out) < max; i++ {
		ref := f.pending[i]
		delete(f.queued, ref)
		if u := f.diff(enc, r, ref); u != nil {
			out = append(out, u)
		}
	}
	f.pending = append(f.pending[:0:0], f.pending[i:]...)
	return out, len(f.pending) > 0
}

// selectsNew reports whether a queued object is new to the kept selection and of a type the filter asks for:
// it may have joined the filter's objects (a created VM), so the filter must select again.
func (f *watchFilter) selectsNew(ctx *simulator.Context) bool {
	f.sel.ctx = ctx
	for _, ref := range f.pending {
		if f.sel.index[ref] != nil {
			continue
		}
		if obj := f.sel.get(ref); obj != nil && matchSpec(&f.spec, ref.Type, moValue(obj).Type()) != nil {
			return true
		}
	}
	return false
}

// diff encodes the update of one object against what was reported (nil: nothing to report).
func (f *watchFilter) diff(enc *xmlEncoder, r *retrieval, ref types.ManagedObjectReference) objectUpdate {
	old, known := f.reported[ref]
	e := r.index[ref]
	if e != nil {
		// The kept selection may hold an object that went since (or was replaced): read it now.
		if obj := r.get(ref); obj == nil {
			delete(r.index, ref)
			e = nil
		} else {
			e.obj = obj
		}
	}
	if e == nil {
		if !known {
			return nil
		}
		delete(f.reported, ref)
		enc.b = enc.b[:0]
		enc.b = append(enc.b, "<kind>leave</kind>"...)
		enc.element("obj", reflect.ValueOf(ref), false, false, false)
		return append(objectUpdate(nil), enc.b...)
	}
	_, paths := e.merged()
	now := make(map[string]uint64, len(paths))
	vals := make(map[string][]byte, len(paths))
	rv := moValue(e.obj)
	for _, p := range paths {
		if p == "triggeredAlarmState" {
			continue // vCenter sends no updates for it (polled by clients)
		}
		v, ok := lookupPath(rv, p)
		if !ok {
			continue
		}
		enc.b = enc.b[:0]
		enc.prop(p, v)
		if len(enc.b) == 0 {
			continue
		}
		h := fnv.New64a()
		_, _ = h.Write(enc.b)
		now[p] = h.Sum64()
		vals[p] = append([]byte(nil), enc.b...)
	}
	f.reported[ref] = now
	// The kind and obj first, then the changes, into one buffer sized for all of it.
	enc.b = enc.b[:0]
	if known {
		enc.b = append(enc.b, "<kind>modify</kind>"...)
	} else {
		enc.b = append(enc.b, "<kind>enter</kind>"...)
	}
	enc.element("obj", reflect.ValueOf(ref), false, false, false)
	size := len(enc.b)
	for _, v := range vals {
		size += len(v) + changeSetOverhead
	}
	b := append(make([]byte, 0, size), enc.b...)
	changes := 0
	for _, p := range paths {
		val, set := vals[p]
		if known {
			if h, was := old[p]; (set && was && h == now[p]) || (!set && !was) {
				continue
			}
		} else if !set {
			continue
		}
		changes++
		b = append(b, "<changeSet><name>"...)
		enc.b = enc.b[:0]
		enc.escape(p)
		b = append(b, enc.b...)
		b = append(b, "</name><op>assign</op>"...)
		if set {
			b = append(b, valOf(val)...)
		}
		b = append(b, "</changeSet>"...)
	}
	if known && changes == 0 {
		return nil
	}
	return objectUpdate(b)
}

// changeSetOverhead is about what a <changeSet> adds to its value: its tags, the path and the op.
const changeSetOverhead = 96

// valOf cuts the <val .../> element out of an encoded <propSet>.
func valOf(prop []byte) []byte {
	i := bytes.Index(prop, []byte("</name>"))
	j := bytes.LastIndex(prop, []byte("</propSet>"))
	return prop[i+len("</name>") : j]
}

// updateSetXML builds <returnval> of an UpdateSet.
func updateSetXML(version string, truncated bool, filters []filterUpdate) []byte {
	// Sized once: an answer of 100 VMs is megabytes, and growing it by appends copied it several times over.
	size := 256
	for _, fu := range filters {
		size += 128
		for _, o := range fu.objects {
			size += len(o) + len("<objectSet></objectSet>")
		}
	}
	enc := &xmlEncoder{b: make([]byte, 0, size)}
	enc.b = append(enc.b, "<returnval><version>"...)
	enc.escape(version)
	enc.b = append(enc.b, "</version>"...)
	for _, fu := range filters {
		enc.b = append(enc.b, "<filterSet>"...)
		enc.element("filter", reflect.ValueOf(fu.filter), false, false, false)
		for _, o := range fu.objects {
			enc.b = append(enc.b, "<objectSet>"...)
			enc.b = append(enc.b, o...)
			enc.b = append(enc.b, "</objectSet>"...)
		}
		enc.b = append(enc.b, "</filterSet>"...)
	}
	if truncated {
		enc.b = append(enc.b, "<truncated>true</truncated>"...)
	}
	enc.b = append(enc.b, "</returnval>"...)
	return enc.b
}

// WaitForUpdatesExResponse is the raw response of WaitForUpdatesEx (empty: no returnval, nothing changed).
type WaitForUpdatesExResponse struct {
	Inner []byte `xml:",innerxml"`
}

type rawWaitBody struct {
	Res    *WaitForUpdatesExResponse
	Fault_ *soap.Fault
}

func (b *rawWaitBody) Fault() *soap.Fault { return b.Fault_ }
