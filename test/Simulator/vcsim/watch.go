package main

import (
	"strconv"
	"sync"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// WaitForUpdatesEx as vCenter does it (vcsim 0.24's never advances its version, ignores truncation and
// maxObjectUpdates and sends only assign): versions advance and are bound to the collector; version ""
// reports everything as enter; later versions report enter, leave and modify (changeSet with assign, and
// assign without val for a property that became unset); at most maxObjectUpdates objects per set (capped
// at 100), with truncated=true when more are pending; an unknown version is InvalidCollectorVersion.

// maxUpdatesCap is vCenter's server-side cap on maxObjectUpdates (govmomi maintainers report ~100).
const maxUpdatesCap = 100

// watchState is the update state of one collector.
type watchState struct {
	mu      sync.Mutex
	filters []*watchFilter
	version int64 // last version handed out; 0 before the first WaitForUpdatesEx
	epoch   int64 // feed epoch the version belongs to
	cancel  chan struct{}
	waiting bool
}

// liveCollectors counts collectors with filters, for the control endpoint (DestroyPropertyCollector
// removes them; session expiry does not).
var liveCollectors = struct {
	sync.Mutex
	m map[*pagingCollector]string // collector -> session key
}{m: map[*pagingCollector]string{}}

func (pc *pagingCollector) watch() *watchState {
	pc.wmu.Lock()
	defer pc.wmu.Unlock()
	if pc.ws == nil {
		pc.ws = &watchState{cancel: make(chan struct{})}
	}
	return pc.ws
}

// CreateFilter registers vcsim's filter (for DestroyPropertyFilter) and the watch state of its spec.
func (pc *pagingCollector) CreateFilter(ctx *simulator.Context, c *types.CreateFilter) soap.HasFault {
	if ctx.Session == nil {
		return &methods.CreateFilterBody{Fault_: notAuthenticated(c.This)}
	}
	if _, fault := selectObjects(ctx, []types.PropertyFilterSpec{c.Spec}, currentConfig().apiAtLeast(6, 7)); fault != nil {
		return &methods.CreateFilterBody{Fault_: collectFault(fault)}
	}
	body := pc.PropertyCollector.CreateFilter(ctx, c).(*methods.CreateFilterBody)
	ws := pc.watch()
	seq, _ := feed.current()
	ws.mu.Lock()
	ws.filters = append(ws.filters, newWatchFilter(body.Res.Returnval, c.Spec, c.PartialUpdates, seq))
	ws.mu.Unlock()
	liveCollectors.Lock()
	liveCollectors.m[pc] = ctx.Session.Key
	liveCollectors.Unlock()
	return body
}

// CancelWaitForUpdates ends the outstanding WaitForUpdatesEx of the collector with RequestCanceled.
func (pc *pagingCollector) CancelWaitForUpdates(ctx *simulator.Context, r *types.CancelWaitForUpdates) soap.HasFault {
	if ctx.Session == nil {
		return &methods.CancelWaitForUpdatesBody{Fault_: notAuthenticated(r.This)}
	}
	pc.cancelWait()
	return &methods.CancelWaitForUpdatesBody{Res: new(types.CancelWaitForUpdatesResponse)}
}

func (pc *pagingCollector) cancelWait() {
	ws := pc.watch()
	ws.mu.Lock()
	if ws.waiting {
		close(ws.cancel)
		ws.cancel = make(chan struct{})
	}
	ws.mu.Unlock()
}

// DestroyPropertyCollector cancels a wait, then lets vcsim drop the collector and its filters.
func (pc *pagingCollector) DestroyPropertyCollector(ctx *simulator.Context, c *types.DestroyPropertyCollector) soap.HasFault {
	if ctx.Session == nil {
		return &methods.DestroyPropertyCollectorBody{Fault_: notAuthenticated(c.This)}
	}
	pc.cancelWait()
	liveCollectors.Lock()
	delete(liveCollectors.m, pc)
	liveCollectors.Unlock()
	return pc.PropertyCollector.DestroyPropertyCollector(ctx, c)
}

// WaitForUpdatesEx waits for changes after r.Version and returns them as one update set.
func (pc *pagingCollector) WaitForUpdatesEx(ctx *simulator.Context, r *types.WaitForUpdatesEx) soap.HasFault {
	body := &rawWaitBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	session := ctx.Session.Key
	ws := pc.watch()
	maxUpdates := maxUpdatesCap
	var deadline <-chan time.Time
	once := false
	if o := r.Options; o != nil {
		if o.MaxObjectUpdates > 0 && o.MaxObjectUpdates < maxUpdatesCap {
			maxUpdates = int(o.MaxObjectUpdates)
		}
		if o.MaxWaitSeconds != nil {
			if *o.MaxWaitSeconds <= 0 {
				once = true
			} else {
				t := time.NewTimer(time.Duration(*o.MaxWaitSeconds) * time.Second)
				defer t.Stop()
				deadline = t.C
			}
		}
	}

	ws.mu.Lock()
	if ws.waiting {
		// vCenter allows one outstanding wait per collector: the earlier one is cancelled.
		close(ws.cancel)
		ws.cancel = make(chan struct{})
	}
	ws.waiting = true
	cancel := ws.cancel
	_, epoch := feed.current()
	if r.Version == "" {
		for _, f := range ws.filters {
			f.reset()
		}
		ws.epoch = epoch
	} else if v, err := strconv.ParseInt(r.Version, 10, 64); err != nil || v != ws.version || ws.epoch != epoch {
		ws.waiting = false
		ws.mu.Unlock()
		body.Fault_ = simulator.Fault("The collector version is not valid: "+r.Version, &types.InvalidCollectorVersion{})
		return body
	}
	ws.mu.Unlock()
	defer func() {
		ws.mu.Lock()
		if ws.cancel == cancel {
			ws.waiting = false
		}
		ws.mu.Unlock()
	}()

	for {
		if sessionExpired(session) {
			body.Fault_ = notAuthenticated(r.This)
			return body
		}
		ep, wake := feed.state()
		if ep != epoch {
			body.Fault_ = simulator.Fault("The collector version is not valid: "+r.Version, &types.InvalidCollectorVersion{})
			return body
		}
		if xml, truncated, n := pc.evaluate(ctx, ws, maxUpdates); n > 0 {
			ws.mu.Lock()
			ws.version++
			version := ws.version
			ws.mu.Unlock()
			body.Res = &WaitForUpdatesExResponse{Inner: updateSetXML(strconv.FormatInt(version, 10), truncated, xml)}
			compactFeed()
			return body
		}
		if once {
			body.Res = &WaitForUpdatesExResponse{}
			return body
		}
		select {
		case <-wake:
		case <-cancel:
			body.Fault_ = simulator.Fault("The task was canceled by a user.", &types.RequestCanceled{})
			return body
		case <-deadline:
			body.Res = &WaitForUpdatesExResponse{}
			return body
		}
	}
}

// evaluate computes up to max object updates over the collector's filters.
func (pc *pagingCollector) evaluate(ctx *simulator.Context, ws *watchState, max int) ([]filterUpdate, bool, int) {
	ws.mu.Lock()
	filters := append([]*watchFilter(nil), ws.filters...)
	ws.mu.Unlock()
	live := map[types.ManagedObjectReference]bool{}
	for _, ref := range pc.Filter {
		live[ref] = true
	}
	var out []filterUpdate
	total, truncated := 0, false
	for _, f := range filters {
		if !live[f.ref] {
			continue
		}
		f.pull()
		if !f.hasPending() {
			continue
		}
		if total >= max {
			truncated = true
			break
		}
		objs, more := f.evaluate(ctx, max-total)
		truncated = truncated || more
		if len(objs) > 0 {
			out = append(out, filterUpdate{filter: f.ref, objects: objs})
			total += len(objs)
		}
	}
	return out, truncated, total
}

func sessionExpired(key string) bool {
	state.mu.Lock()
	defer state.mu.Unlock()
	return state.expired[key]
}

// compactFeed drops change records every live filter has consumed.
func compactFeed() {
	liveCollectors.Lock()
	defer liveCollectors.Unlock()
	min := int64(-1)
	for pc, session := range liveCollectors.m {
		if sessionExpired(session) {
			delete(liveCollectors.m, pc)
			continue
		}
		ws := pc.watch()
		ws.mu.Lock()
		for _, f := range ws.filters {
			if min < 0 || f.cursor < min {
				min = f.cursor
			}
		}
		ws.mu.Unlock()
	}
	if min < 0 {
		min, _ = feed.current()
	}
	feed.compact(min)
}

// watchStatus is what the control endpoint reports about collectors.
func watchStatus() obj {
	liveCollectors.Lock()
	defer liveCollectors.Unlock()
	waiting, filters := 0, 0
	for pc := range liveCollectors.m {
		ws := pc.watch()
		ws.mu.Lock()
		if ws.waiting {
			waiting++
		}
		filters += len(ws.filters)
		ws.mu.Unlock()
	}
	seq, epoch := feed.current()
	return obj{"collectors": len(liveCollectors.m), "waiting": waiting, "filters": filters, "changes": seq, "epoch": epoch}
}
