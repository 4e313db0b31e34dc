// Command fetchbench times a full paged RetrievePropertiesEx of every VM (and host) of a running
// simulator over raw SOAP, so that the figure is the server's cost plus the transfer, not a client's parsing.
//
//	fetchbench -url https://127.0.0.1:PORT/sdk -user U -pass P [-max 1000] [-type VirtualMachine]
package main

import (
	"bytes"
	"crypto/tls"
	"flag"
	"fmt"
	"io/ioutil"
	"net/http"
	"net/http/cookiejar"
	"os"
	"regexp"
	"strings"
	"time"
)

const envelope = `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soapenv:Body>%s</soapenv:Body></soapenv:Envelope>`

var paths = map[string][]string{
	"VirtualMachine": {"name", "config.uuid", "config.hardware.numCPU", "config.hardware.memoryMB", "config.template",
		"runtime.powerState", "runtime.host", "guest.ipAddress", "guest.toolsStatus", "guest.toolsVersionStatus",
		"summary.config.guestFullName", "summary.storage.uncommitted", "triggeredAlarmState"},
	"HostSystem": {"name", "parent", "hardware.systemInfo.serialNumber", "hardware.systemInfo.otherIdentifyingInfo",
		"config.product.version", "config.product.build", "runtime.connectionState", "runtime.inMaintenanceMode"},
}

func main() {
	url := flag.String("url", "", "SDK URL")
	user := flag.String("user", "", "user name")
	pass := flag.String("pass", "", "password")
	max := flag.Int("max", 1000, "maxObjects (0 = unset)")
	kind := flag.String("type", "VirtualMachine", "managed object type")
	rounds := flag.Int("rounds", 3, "number of full fetches")
	pid := flag.Int("pid", 0, "simulator process id, to report its CPU time per fetch")
	flag.Parse()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	call := func(body string) (string, time.Duration) {
		t := time.Now()
		req, _ := http.NewRequest("POST", *url, strings.NewReader(fmt.Sprintf(envelope, body)))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		req.Header.Set("SOAPAction", "urn:vim25/8.0.2.0")
		res, err := c.Do(req)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		b, _ := ioutil.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			fmt.Fprintln(os.Stderr, string(b))
			os.Exit(1)
		}
		return string(b), time.Since(t)
	}
	call(`<RetrieveServiceContent xmlns="urn:vim25"><_this type="ServiceInstance">ServiceInstance</_this></RetrieveServiceContent>`)
	call(fmt.Sprintf(`<Login xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this><userName>%s</userName><password>%s</password></Login>`, *user, *pass))
	out, _ := call(fmt.Sprintf(`<CreateContainerView xmlns="urn:vim25"><_this type="ViewManager">ViewManager</_this><container type="Folder">group-d1</container><type>%s</type><recursive>true</recursive></CreateContainerView>`, *kind))
	view := regexp.MustCompile(`<returnval type="ContainerView">([^<]+)</returnval>`).FindStringSubmatch(out)[1]
	var ps bytes.Buffer
	for _, p := range paths[*kind] {
		ps.WriteString("<pathSet>" + p + "</pathSet>")
	}
	opts := "<options></options>"
	if *max > 0 {
		opts = fmt.Sprintf("<options><maxObjects>%d</maxObjects></options>", *max)
	}
	spec := fmt.Sprintf(`<RetrievePropertiesEx xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this><specSet><propSet><type>%s</type>%s</propSet><objectSet><obj type="ContainerView">%s</obj><skip>true</skip><selectSet xsi:type="TraversalSpec"><name>v</name><type>ContainerView</type><path>view</path><skip>false</skip></selectSet></objectSet></specSet>%s</RetrievePropertiesEx>`, *kind, ps.String(), view, opts)
	tokenRE := regexp.MustCompile(`<token>([^<]+)</token>`)
	for r := 0; r < *rounds; r++ {
		t, cpu0 := time.Now(), cpuOf(*pid)
		out, first := call(spec)
		pages, objects, bytes := 1, strings.Count(out, "<objects>"), len(out)
		for {
			m := tokenRE.FindStringSubmatch(out)
			if m == nil {
				break
			}
			out, _ = call(fmt.Sprintf(`<ContinueRetrievePropertiesEx xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this><token>%s</token></ContinueRetrievePropertiesEx>`, m[1]))
			pages++
			objects += strings.Count(out, "<objects>")
			bytes += len(out)
		}
		fmt.Printf("%s: %d objects, %d pages, %.1f MB, first page %v, total %v", *kind, objects, pages, float64(bytes)/1e6, first.Round(time.Millisecond), time.Since(t).Round(time.Millisecond))
		if *pid != 0 {
			fmt.Printf(", simulator CPU %v", (cpuOf(*pid) - cpu0).Round(time.Millisecond))
		}
		fmt.Println()
	}
	call(fmt.Sprintf(`<DestroyView xmlns="urn:vim25"><_this type="ContainerView">%s</_this></DestroyView>`, view))
	call(`<Logout xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this></Logout>`)
}

// cpuOf reads a process's user+system CPU time from /proc (clock ticks of 10 ms).
func cpuOf(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	b, err := ioutil.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	var ut, st int64
	fmt.Sscan(f[11], &ut)
	fmt.Sscan(f[12], &st)
	return time.Duration(ut+st) * 10 * time.Millisecond
}
