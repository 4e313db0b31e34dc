package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// config holds the command-line options of the simulator.
type config struct {
	Size        string
	VMs         int
	Hosts       int
	Clusters    int
	Standalone  int
	Datastores  int
	Portgroups  int
	Seed        int64
	DelayMs     int
	MaxPage     int
	DefaultPage int
	Port        int
	Username    string
	Password    string
	APIVersion  string
	Version     string
	Build       string
	IgnoreStdin bool
	Trace       bool
	Pprof       bool
}

// sizePreset is the world size selected by -size; explicit flags override it.
type sizePreset struct {
	vms, hosts, clusters, standalone, datastores, portgroups int
}

var presets = map[string]sizePreset{
	"small": {vms: 60, hosts: 15, clusters: 3, standalone: 3, datastores: 8, portgroups: 6},
	"plan":  {vms: 1500, hosts: 50, clusters: 4, standalone: 4, datastores: 20, portgroups: 12},
	"10k":   {vms: 10000, hosts: 400, clusters: 20, standalone: 10, datastores: 80, portgroups: 40},
	"max":   {vms: 45000, hosts: 2500, clusters: 120, standalone: 40, datastores: 300, portgroups: 120},
}

func parseFlags(args []string) (*config, error) {
	fs := flag.NewFlagSet("vcsim-vcsync", flag.ContinueOnError)
	c := &config{}
	fs.StringVar(&c.Size, "size", "small", "world size preset: small, plan, 10k, max, or maxima (values at vSphere 8's maxima)")
	fs.IntVar(&c.VMs, "vms", -1, "number of virtual machines (overrides the preset)")
	fs.IntVar(&c.Hosts, "hosts", -1, "number of ESXi hosts, clustered and standalone (overrides the preset)")
	fs.IntVar(&c.Clusters, "clusters", -1, "number of clusters (overrides the preset)")
	fs.IntVar(&c.Standalone, "standalone", -1, "number of standalone hosts, part of -hosts (overrides the preset)")
	fs.IntVar(&c.Datastores, "datastores", -1, "number of datastores (overrides the preset)")
	fs.IntVar(&c.Portgroups, "portgroups", -1, "number of distributed portgroups besides the uplink (overrides the preset)")
	fs.Int64Var(&c.Seed, "seed", 1, "seed of the generated data; the same seed gives the same world")
	fs.IntVar(&c.DelayMs, "delay", 0, "delay in milliseconds added to every SOAP call")
	fs.IntVar(&c.MaxPage, "max-page", 1000, "server cap on the page size of RetrievePropertiesEx")
	fs.IntVar(&c.DefaultPage, "default-page", 100, "page size when maxObjects is unset")
	fs.IntVar(&c.Port, "port", 0, "TCP port on 127.0.0.1 (0 picks a free port)")
	fs.StringVar(&c.Username, "username", "vcsync@vsphere.local", "the only user name Login accepts")
	fs.StringVar(&c.Password, "password", "VcSync-Sim-1!", "the only password Login accepts")
	fs.StringVar(&c.APIVersion, "api-version", "8.0.2.0", "about.apiVersion (below 6.7 hardware.systemInfo.serialNumber is an InvalidProperty)")
	fs.StringVar(&c.Version, "version", "", "about.version (default: derived from -api-version)")
	fs.StringVar(&c.Build, "build", "22385739", "about.build")
	fs.BoolVar(&c.IgnoreStdin, "ignore-stdin", false, "keep running when stdin closes (stop with SIGTERM/SIGINT only)")
	fs.BoolVar(&c.Trace, "trace", false, "write SOAP traffic to stderr")
	fs.BoolVar(&c.Pprof, "pprof", false, "serve Go profiles under /debug/pprof/ (development)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	p, ok := presets[c.Size]
	if c.Size == maximaSize {
		p, ok = maximaPreset, true
	}
	if !ok {
		return nil, fmt.Errorf("unknown -size %q (small, plan, 10k, max, maxima)", c.Size)
	}
	pick := func(v *int, preset int) {
		if *v < 0 {
			*v = preset
		}
	}
	pick(&c.VMs, p.vms)
	pick(&c.Hosts, p.hosts)
	pick(&c.Clusters, p.clusters)
	pick(&c.Standalone, p.standalone)
	pick(&c.Datastores, p.datastores)
	pick(&c.Portgroups, p.portgroups)
	if c.Hosts < 1 || c.Datastores < 1 {
		return nil, fmt.Errorf("-hosts and -datastores must be at least 1")
	}
	if c.Standalone > c.Hosts {
		c.Standalone = c.Hosts
	}
	if c.Clusters < 1 && c.Standalone < c.Hosts {
		c.Standalone = c.Hosts
	}
	if c.MaxPage < 1 {
		c.MaxPage = 1
	}
	if c.DefaultPage < 1 {
		c.DefaultPage = 1
	}
	if c.DefaultPage > c.MaxPage {
		c.DefaultPage = c.MaxPage
	}
	if c.Version == "" {
		parts := strings.Split(c.APIVersion, ".")
		for len(parts) < 3 {
			parts = append(parts, "0")
		}
		c.Version = strings.Join(parts[:3], ".")
	}
	return c, nil
}

// apiAtLeast reports whether the configured API version is at least major.minor.
func (c *config) apiAtLeast(major, minor int) bool {
	parts := strings.Split(c.APIVersion, ".")
	ma, _ := strconv.Atoi(parts[0])
	mi := 0
	if len(parts) > 1 {
		mi, _ = strconv.Atoi(parts[1])
	}
	return ma > major || (ma == major && mi >= minor)
}

func fatalf(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "vcsim-vcsync: "+format+"\n", args...)
	os.Exit(1)
}
