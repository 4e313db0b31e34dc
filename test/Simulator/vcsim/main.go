// Command vcsim-vcsync is VcSync's test vCenter: govmomi's vcsim with paging, vCenter's
// property rules, realistic seeded data, alarms and a control endpoint for tests.
package main

import (
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/ioutil"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
)

func main() {
	started := time.Now()
	cfg, err := parseFlags(os.Args[1:])
	if err != nil {
		fatalf("%v", err)
	}
	state.cfg.Store(cfg)
	atomic64Store(&state.delayMs, int64(cfg.DelayMs))
	if !cfg.Trace {
		log.SetOutput(ioutil.Discard) // vcsim logs every task and missing object
	}
	simulator.Trace = cfg.Trace

	debug.SetGCPercent(-1) // nothing to collect while the inventory is built; one GC at the end
	w, err := buildWorld(cfg)
	if err != nil {
		fatalf("building the inventory: %v", err)
	}
	defer w.cleanup()
	installCollector()
	installHooks()
	runtime.GC()
	// The inventory is a large, pointer-rich, long-lived heap (marking it costs ~1-2 s of CPU at 45,000
	// VMs): collect rarely, bounded by a soft memory limit.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(3 << 30)

	if cfg.Port != 0 {
		waitForPort(cfg.Port, 10*time.Second)
	}
	svc := w.model.Service
	svc.TLS = new(tls.Config)
	svc.Listen = &url.URL{Host: fmt.Sprintf("127.0.0.1:%d", cfg.Port), User: url.UserPassword(cfg.Username, cfg.Password)}
	srv := svc.NewServer()
	srv.Config.Handler = middleware(srv.Config.Handler, &controlHandler{w: w})

	sum := sha256.Sum256(srv.Certificate().Raw)
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	_, port, _ := net.SplitHostPort(srv.URL.Host)
	portNum, _ := strconv.Atoi(port)
	line, _ := json.Marshal(map[string]interface{}{
		"url":          fmt.Sprintf("https://127.0.0.1:%s/sdk", port),
		"username":     cfg.Username,
		"password":     cfg.Password,
		"thumbprint":   hex.EncodeToString(sum[:]),
		"pid":          os.Getpid(),
		"port":         portNum,
		"apiVersion":   cfg.APIVersion,
		"instanceUuid": w.model.ServiceContent.About.InstanceUuid,
		"startupMs":    time.Since(started).Milliseconds(),
		"heapMB":       mem.HeapAlloc >> 20,
		"vms":          len(w.vms),
		"hosts":        len(w.hosts),
		"datastores":   len(w.datastores),
		"clusters":     len(w.clusters),
	})
	fmt.Println(string(line))

	stop := make(chan string, 2)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	go func() { stop <- (<-sig).String() }()
	if !cfg.IgnoreStdin {
		go func() {
			_, _ = io.Copy(ioutil.Discard, os.Stdin)
			stop <- "stdin closed"
		}()
	}
	reason := <-stop
	fmt.Fprintf(os.Stderr, "vcsim-vcsync: stopping (%s)\n", reason)
	done := make(chan struct{})
	go func() { srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
	}
}

// installCollector registers the paging collector in place of vcsim's PropertyCollector.
func installCollector() {
	si := simulator.Map.Get(vim25.ServiceInstance).(*simulator.ServiceInstance)
	pc := &pagingCollector{}
	pc.Self = si.Content.PropertyCollector
	simulator.Map.Put(pc)
}

// waitForPort waits until a fixed port can be bound (a previous instance may still be closing).
func waitForPort(port int, max time.Duration) {
	deadline := time.Now().Add(max)
	for {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			_ = l.Close()
			return
		}
		if time.Now().After(deadline) {
			fatalf("port %d is busy: %v", port, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
