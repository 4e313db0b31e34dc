package main

import (
	"sync"

	"github.com/vmware/govmomi/vim25/types"
)

// changeFeed records which objects changed, in order, so that private collectors can compute their
// update sets from the objects touched since their last version instead of diffing the whole world.
// Every change made through SOAP (vcsim's Map.Update/Put/Remove, seen by hooks) or the control endpoint
// marks its objects dirty; waiting WaitForUpdatesEx calls are woken.
type changeFeed struct {
	mu    sync.Mutex
	seq   int64
	log   []dirtyRef
	wake  chan struct{} // closed and replaced on every change
	epoch int64         // bumped by invalidateCollectors: every collector version becomes invalid
}

type dirtyRef struct {
	seq int64
	ref types.ManagedObjectReference
}

var feed = &changeFeed{wake: make(chan struct{})}

// markDirty records changed objects and wakes the waiting collectors.
func markDirty(refs ...types.ManagedObjectReference) {
	if len(refs) == 0 {
		return
	}
	feed.mu.Lock()
	for _, r := range refs {
		if r.Value == "" {
			continue
		}
		feed.seq++
		feed.log = append(feed.log, dirtyRef{seq: feed.seq, ref: r})
	}
	close(feed.wake)
	feed.wake = make(chan struct{})
	feed.mu.Unlock()
}

// wakeAll wakes the waiting collectors without a change (session expiry, invalidation).
func wakeAll() {
	feed.mu.Lock()
	close(feed.wake)
	feed.wake = make(chan struct{})
	feed.mu.Unlock()
}

// invalidateCollectors makes every collector's current version invalid (InvalidCollectorVersion).
func invalidateCollectors() int64 {
	feed.mu.Lock()
	feed.epoch++
	e := feed.epoch
	close(feed.wake)
	feed.wake = make(chan struct{})
	feed.mu.Unlock()
	return e
}

// since returns the objects changed after seq, the new cursor, the epoch and the channel that closes on
// the next change.
func (f *changeFeed) since(seq int64) ([]types.ManagedObjectReference, int64, int64, <-chan struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []types.ManagedObjectReference
	// log is ordered by seq: find the first entry after seq from the end (recent cursors are the norm).
	i := len(f.log)
	for i > 0 && f.log[i-1].seq > seq {
		i--
	}
	for _, d := range f.log[i:] {
		out = append(out, d.ref)
	}
	return out, f.seq, f.epoch, f.wake
}

// state returns the epoch and the channel that closes on the next change.
func (f *changeFeed) state() (int64, <-chan struct{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.epoch, f.wake
}

// current returns the cursor and epoch now.
func (f *changeFeed) current() (int64, int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seq, f.epoch
}

// compact drops log entries every live collector has consumed.
func (f *changeFeed) compact(min int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i := 0
	for i < len(f.log) && f.log[i].seq <= min {
		i++
	}
	if i > 0 {
		f.log = append(f.log[:0:0], f.log[i:]...)
	}
}
