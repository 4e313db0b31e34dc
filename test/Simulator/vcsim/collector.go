package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// pagingCollector replaces vcsim's PropertyCollector with one that pages like vCenter,
// validates paths against the declared type and merges objects matched by several specs.
// vcsim makes one instance per session by reflection from the registered type (session_manager.go),
// so this type must work from its zero value.
type pagingCollector struct {
	simulator.PropertyCollector

	wmu sync.Mutex
	ws  *watchState // WaitForUpdatesEx state (watch.go)
}

// tokenStore holds the unread rest of paged results.
type tokenStore struct {
	mu     sync.Mutex
	next   int64
	tokens map[string]*pending
}

type pending struct {
	session   string
	collector types.ManagedObjectReference
	prod      *production
	offset    int
	page      int
}

var tokens = &tokenStore{tokens: map[string]*pending{}}

func (s *tokenStore) put(p *pending) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	t := strconv.FormatInt(s.next, 10)
	s.tokens[t] = p
	return t
}

// take removes and returns the token if it belongs to the session and collector.
func (s *tokenStore) take(token, session string, pc types.ManagedObjectReference) *pending {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.tokens[token]
	if p == nil || p.session != session || p.collector != pc {
		return nil
	}
	delete(s.tokens, token)
	return p
}

func (s *tokenStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.tokens)
}

// dropSession forgets the tokens of one session ("" = all sessions).
func (s *tokenStore) dropSession(session string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for t, p := range s.tokens {
		if session == "" || p.session == session {
			delete(s.tokens, t)
			p.prod.abandon()
			n++
		}
	}
	return n
}

// pageSize applies vCenter's policy: about 100 objects when maxObjects is unset, else up to the cap.
func pageSize(opts types.RetrieveOptions) int {
	cfg := currentConfig()
	if opts.MaxObjects > 0 {
		if int(opts.MaxObjects) < cfg.MaxPage {
			return int(opts.MaxObjects)
		}
		return cfg.MaxPage
	}
	return cfg.DefaultPage
}

func notAuthenticated(this types.ManagedObjectReference) *soap.Fault {
	return simulator.Fault("The session is not authenticated.", &types.NotAuthenticated{
		NoPermission: types.NoPermission{Object: this, PrivilegeId: "System.View"},
	})
}

func invalidToken() *soap.Fault {
	return simulator.Fault("A specified parameter was not correct: token", &types.InvalidArgument{InvalidProperty: "token"})
}

func collectFault(fault types.BaseMethodFault) *soap.Fault {
	switch f := fault.(type) {
	case *types.InvalidProperty:
		return simulator.Fault("Invalid property: "+f.Name, f)
	case *types.ManagedObjectNotFound:
		return simulator.Fault("The object has already been deleted or has not been completely created", f)
	}
	return simulator.Fault("", fault)
}

var retrieveCalls int64

// RetrievePropertiesEx returns the first page and a token for the rest.
func (pc *pagingCollector) RetrievePropertiesEx(ctx *simulator.Context, r *types.RetrievePropertiesEx) soap.HasFault {
	body := &rawRetrieveExBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	atomic.AddInt64(&retrieveCalls, 1)
	t0, c0 := time.Now(), cpuTime()
	prod, fault := collect(ctx, r.SpecSet, currentConfig().apiAtLeast(6, 7))
	if fault != nil {
		body.Fault_ = collectFault(fault)
		return body
	}
	body.Res = &RetrievePropertiesExResponse{}
	if len(prod.items) > 0 {
		body.Res.Inner = pc.page(ctx, "RetrievePropertiesEx", r.This, prod, 0, pageSize(r.Options))
	}
	if timing {
		fmt.Fprintf(os.Stderr, "timing: %d objects selected, first page in %v (cpu %v)\n", len(prod.items), time.Since(t0), cpuTime()-c0)
		go func() {
			prod.all()
			fmt.Fprintf(os.Stderr, "timing: all %d objects encoded after %v (cpu %v)\n", len(prod.items), time.Since(t0), cpuTime()-c0)
		}()
	}
	return body
}

// page cuts the page at offset, keeps the rest under a new token and encodes the page.
func (pc *pagingCollector) page(ctx *simulator.Context, method string, this types.ManagedObjectReference, prod *production, offset, size int) []byte {
	return resultXML(cutPage(ctx.Session.Key, method, this, prod, offset, size))
}

// cutPage returns the items of the page at offset (once encoded) and the token of the rest, if any.
func cutPage(session, method string, this types.ManagedObjectReference, prod *production, offset, size int) (string, []item) {
	end := offset + size
	token := ""
	if end < len(prod.items) {
		token = tokens.put(&pending{session: session, collector: this, prod: prod, offset: end, page: size})
	} else {
		end = len(prod.items)
	}
	prod.wait(end)
	return token, injections.missingSet(method, prod.items[offset:end])
}

// ContinueRetrievePropertiesEx returns the next page; a token is good for one call only.
func (pc *pagingCollector) ContinueRetrievePropertiesEx(ctx *simulator.Context, r *types.ContinueRetrievePropertiesEx) soap.HasFault {
	body := &rawContinueBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	p := tokens.take(r.Token, ctx.Session.Key, r.This)
	if p == nil {
		body.Fault_ = invalidToken()
		return body
	}
	body.Res = &ContinueRetrievePropertiesExResponse{Inner: pc.page(ctx, "ContinueRetrievePropertiesEx", r.This, p.prod, p.offset, p.page)}
	return body
}

// CancelRetrievePropertiesEx drops the rest of a paged result.
func (pc *pagingCollector) CancelRetrievePropertiesEx(ctx *simulator.Context, r *types.CancelRetrievePropertiesEx) soap.HasFault {
	body := &methods.CancelRetrievePropertiesExBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	p := tokens.take(r.Token, ctx.Session.Key, r.This)
	if p == nil {
		body.Fault_ = invalidToken()
		return body
	}
	p.prod.abandon()
	body.Res = &types.CancelRetrievePropertiesExResponse{}
	return body
}

// RetrieveProperties is the old unpaged call, with the same rules.
func (pc *pagingCollector) RetrieveProperties(ctx *simulator.Context, r *types.RetrieveProperties) soap.HasFault {
	body := &rawRetrieveBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	prod, fault := collect(ctx, r.SpecSet, currentConfig().apiAtLeast(6, 7))
	if fault != nil {
		body.Fault_ = collectFault(fault)
		return body
	}
	body.Res = &RetrievePropertiesResponse{Inner: objectsXML(injections.missingSet("RetrieveProperties", prod.all()))}
	return body
}

// CreatePropertyCollector makes a private collector of the same (paging) kind.
func (pc *pagingCollector) CreatePropertyCollector(ctx *simulator.Context, c *types.CreatePropertyCollector) soap.HasFault {
	cpc := &pagingCollector{}
	cpc.Self.Type = "PropertyCollector"
	return &methods.CreatePropertyCollectorBody{
		Res: &types.CreatePropertyCollectorResponse{Returnval: ctx.Session.Put(cpc).Reference()},
	}
}

var timing = os.Getenv("VCSIM_TIMING") != ""

// cpuTime is the CPU time (user and system) the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
