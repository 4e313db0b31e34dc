package main

import (
	"strconv"
	"sync"
	"sync/atomic"

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
	objects   []types.ObjectContent
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
		return simulator.Fault("", f)
	case *types.ManagedObjectNotFound:
		return simulator.Fault("The object has already been deleted or has not been completely created", f)
	}
	return simulator.Fault("", fault)
}

var retrieveCalls int64

// RetrievePropertiesEx returns the first page and a token for the rest.
func (pc *pagingCollector) RetrievePropertiesEx(ctx *simulator.Context, r *types.RetrievePropertiesEx) soap.HasFault {
	body := &methods.RetrievePropertiesExBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	atomic.AddInt64(&retrieveCalls, 1)
	objects, fault := collect(ctx, r.SpecSet, currentConfig().apiAtLeast(6, 7))
	if fault != nil {
		body.Fault_ = collectFault(fault)
		return body
	}
	if len(objects) == 0 {
		body.Res = &types.RetrievePropertiesExResponse{}
		return body
	}
	res := pc.page(ctx, "RetrievePropertiesEx", r.This, objects, pageSize(r.Options))
	return &encodedRetrieveBody{Res: &RetrievePropertiesExResponse{Inner: encodeRetrieveResult(res)}}
}

func (pc *pagingCollector) page(ctx *simulator.Context, method string, this types.ManagedObjectReference, objects []types.ObjectContent, size int) types.RetrieveResult {
	res := types.RetrieveResult{}
	if len(objects) > size {
		res.Objects = objects[:size:size]
		res.Token = tokens.put(&pending{session: ctx.Session.Key, collector: this, objects: objects[size:], page: size})
	} else {
		res.Objects = objects
	}
	res.Objects = injections.missingSet(method, res.Objects)
	return res
}

// ContinueRetrievePropertiesEx returns the next page; a token is good for one call only.
func (pc *pagingCollector) ContinueRetrievePropertiesEx(ctx *simulator.Context, r *types.ContinueRetrievePropertiesEx) soap.HasFault {
	body := &methods.ContinueRetrievePropertiesExBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	p := tokens.take(r.Token, ctx.Session.Key, r.This)
	if p == nil {
		body.Fault_ = invalidToken()
		return body
	}
	res := pc.page(ctx, "ContinueRetrievePropertiesEx", r.This, p.objects, p.page)
	return &encodedContinueBody{Res: &ContinueRetrievePropertiesExResponse{Inner: encodeRetrieveResult(res)}}
}

// CancelRetrievePropertiesEx drops the rest of a paged result.
func (pc *pagingCollector) CancelRetrievePropertiesEx(ctx *simulator.Context, r *types.CancelRetrievePropertiesEx) soap.HasFault {
	body := &methods.CancelRetrievePropertiesExBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	if tokens.take(r.Token, ctx.Session.Key, r.This) == nil {
		body.Fault_ = invalidToken()
		return body
	}
	body.Res = &types.CancelRetrievePropertiesExResponse{}
	return body
}

// RetrieveProperties is the old unpaged call, with the same rules.
func (pc *pagingCollector) RetrieveProperties(ctx *simulator.Context, r *types.RetrieveProperties) soap.HasFault {
	body := &methods.RetrievePropertiesBody{}
	if ctx.Session == nil {
		body.Fault_ = notAuthenticated(r.This)
		return body
	}
	objects, fault := collect(ctx, r.SpecSet, currentConfig().apiAtLeast(6, 7))
	if fault != nil {
		body.Fault_ = collectFault(fault)
		return body
	}
	body.Res = &types.RetrievePropertiesResponse{Returnval: injections.missingSet("RetrieveProperties", objects)}
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
