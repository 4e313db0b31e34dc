package main

import (
	"bytes"
	"fmt"
	"io/ioutil"
	"net/http"
	_ "net/http/pprof"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/vim25/soap"
)

// runtimeState is what the control endpoint can change while the simulator runs.
type runtimeState struct {
	cfg     atomic.Value // *config
	delayMs int64

	mu       sync.Mutex
	calls    map[string]int64
	total    int64
	known    map[string]bool // session keys handed out
	expired  map[string]bool // session keys invalidated by the control endpoint
	ended    map[string]bool // session keys that logged out
	expiries int
}

var state = &runtimeState{calls: map[string]int64{}, known: map[string]bool{}, expired: map[string]bool{}, ended: map[string]bool{}}

func currentConfig() *config { return state.cfg.Load().(*config) }

var methodRE = regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?Body\b[^>]*>\s*<(?:[A-Za-z0-9_]+:)?([A-Za-z0-9_]+)`)

// soapMethod finds the method name of a SOAP request.
func soapMethod(body []byte) string {
	head := body
	if len(head) > 4096 {
		head = head[:4096]
	}
	m := methodRE.FindSubmatch(head)
	if m == nil {
		return ""
	}
	return string(m[1])
}

// cookieWatcher records the session cookie vcsim sets on Login.
type cookieWatcher struct {
	http.ResponseWriter
	done bool
}

func (c *cookieWatcher) WriteHeader(code int) {
	if !c.done {
		c.done = true
		res := &http.Response{Header: c.Header()}
		for _, ck := range res.Cookies() {
			if ck.Name == soap.SessionCookieName {
				state.mu.Lock()
				state.known[ck.Value] = true
				state.mu.Unlock()
			}
		}
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *cookieWatcher) Write(b []byte) (int, error) {
	if !c.done {
		c.WriteHeader(http.StatusOK)
	}
	return c.ResponseWriter.Write(b)
}

// middleware adds what vcsim lacks in front of its /sdk handler: per-call delay, call counts,
// fault injection, session expiry, and the control endpoint.
func middleware(next http.Handler, ctl http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/vcsync/control" || r.URL.Path == "/vcsync/control/" {
			ctl.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/debug/pprof/") && currentConfig().Pprof {
			http.DefaultServeMux.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodPost || (r.URL.Path != "/sdk" && r.URL.Path != "/sdk/vimService") {
			next.ServeHTTP(w, r)
			return
		}
		body, err := ioutil.ReadAll(r.Body)
		_ = r.Body.Close()
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		method := soapMethod(body)
		state.mu.Lock()
		state.calls[method]++
		state.total++
		session := ""
		if ck, err := r.Cookie(soap.SessionCookieName); err == nil {
			session = ck.Value
			if state.expired[session] {
				stripSessionCookie(r)
				session = ""
			}
		}
		state.mu.Unlock()

		if d := atomic.LoadInt64(&state.delayMs); d > 0 {
			time.Sleep(time.Duration(d) * time.Millisecond)
		}
		if fault := injections.takeFault(method); fault != "" {
			writeInjected(w, fault)
			return
		}
		if method == "ContinueRetrievePropertiesEx" && serveContinue(w, r, body, session) {
			return
		}
		r.Body = ioutil.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
		t0 := time.Now()
		if readOnly[method] {
			next.ServeHTTP(&cookieWatcher{ResponseWriter: w}, r)
		} else {
			worldLock.Lock()
			next.ServeHTTP(&cookieWatcher{ResponseWriter: w}, r)
			worldLock.Unlock()
		}
		if timing {
			fmt.Fprintf(os.Stderr, "timing: %s served in %v\n", method, time.Since(t0))
		}
		if method == "Logout" && session != "" {
			tokens.dropSession(session)
			state.mu.Lock()
			state.ended[session] = true
			state.mu.Unlock()
		}
	})
}

// worldLock lets the collector read the inventory without vcsim's per-object locks: calls that may
// change objects (tasks, reconfiguration, ...) and control operations take it exclusively, the collector
// shares it while it evaluates properties.
var worldLock sync.RWMutex

// readOnly lists the SOAP methods that do not change inventory objects (they run without the world lock).
var readOnly = map[string]bool{
	"RetrieveServiceContent": true, "Login": true, "Logout": true, "SessionIsActive": true,
	"RetrieveProperties": true, "RetrievePropertiesEx": true, "ContinueRetrievePropertiesEx": true,
	"CancelRetrievePropertiesEx": true, "WaitForUpdates": true, "WaitForUpdatesEx": true, "CheckForUpdates": true,
	"CancelWaitForUpdates": true, "CreateFilter": true, "DestroyPropertyFilter": true,
	"CreatePropertyCollector": true, "DestroyPropertyCollector": true, "CreateContainerView": true,
	"CreateListView": true, "DestroyView": true, "CurrentTime": true, "Fetch": true,
}

func stripSessionCookie(r *http.Request) {
	cookies := r.Cookies()
	r.Header.Del("Cookie")
	for _, c := range cookies {
		if c.Name != soap.SessionCookieName {
			r.AddCookie(c)
		}
	}
}

// expireSessions invalidates every session handed out so far; their tokens are dropped.
func expireSessions() int {
	state.mu.Lock()
	n := 0
	for k := range state.known {
		if !state.expired[k] {
			state.expired[k] = true
			n++
		}
	}
	state.expiries++
	state.mu.Unlock()
	tokens.dropSession("")
	wakeAll() // a WaitForUpdatesEx waiting in an expired session fails now
	return n
}

// openSessions counts sessions handed out that have neither logged out nor been expired.
func openSessions() int {
	state.mu.Lock()
	defer state.mu.Unlock()
	n := 0
	for k := range state.known {
		if !state.expired[k] && !state.ended[k] {
			n++
		}
	}
	return n
}

func callStats() (map[string]int64, int64) {
	state.mu.Lock()
	defer state.mu.Unlock()
	out := make(map[string]int64, len(state.calls))
	keys := make([]string, 0, len(state.calls))
	for k := range state.calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out[k] = state.calls[k]
	}
	return out, state.total
}

func resetStats() {
	state.mu.Lock()
	state.calls = map[string]int64{}
	state.total = 0
	state.mu.Unlock()
}

func atomic64Store(p *int64, v int64) { atomic.StoreInt64(p, v) }
