package main

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// injection makes the next Count calls of Method fail.
type injection struct {
	Method string `json:"method"` // SOAP method name, or "*" for any
	// Fault is a vSphere fault type written as a SOAP fault (NotAuthenticated, InvalidArgument,
	// InvalidProperty, SystemError, RequestCanceled, HostCommunication, InvalidLogin, ManagedObjectNotFound),
	// or "http503" / "http502" (bare HTTP status) or "disconnect" (connection closed without an answer).
	Fault string `json:"fault,omitempty"`
	// MissingSet, when "NotAuthenticated", makes RetrievePropertiesEx / ContinueRetrievePropertiesEx /
	// RetrieveProperties answer normally but report every property of every object as a missingSet
	// NotAuthenticated fault (what an expired session looks like on some servers).
	MissingSet string `json:"missingSet,omitempty"`
	Count      int    `json:"count"`
}

type injector struct {
	mu    sync.Mutex
	queue []*injection
}

var injections = &injector{}

func (in *injector) add(i injection) error {
	if i.Count <= 0 {
		i.Count = 1
	}
	if i.Method == "" {
		i.Method = "*"
	}
	if i.Fault == "" && i.MissingSet == "" {
		return fmt.Errorf("inject needs fault or missingSet")
	}
	if i.MissingSet != "" && i.MissingSet != "NotAuthenticated" {
		return fmt.Errorf("missingSet supports NotAuthenticated only")
	}
	if i.Fault != "" {
		if _, ok := faultXML(i.Fault, ""); !ok && !isTransportFault(i.Fault) {
			return fmt.Errorf("unknown fault %q", i.Fault)
		}
	}
	in.mu.Lock()
	in.queue = append(in.queue, &i)
	in.mu.Unlock()
	return nil
}

func (in *injector) clear() {
	in.mu.Lock()
	in.queue = nil
	in.mu.Unlock()
}

func (in *injector) pendingCount() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	n := 0
	for _, i := range in.queue {
		n += i.Count
	}
	return n
}

// takeFault returns the fault to answer a call of method with, if one is due.
func (in *injector) takeFault(method string) string {
	in.mu.Lock()
	defer in.mu.Unlock()
	for k, i := range in.queue {
		if i.Fault != "" && (i.Method == "*" || i.Method == method) {
			i.Count--
			if i.Count <= 0 {
				in.queue = append(in.queue[:k], in.queue[k+1:]...)
			}
			return i.Fault
		}
	}
	return ""
}

// missingSet rewrites a result as an expired session shows it, when such an injection is due.
func (in *injector) missingSet(method string, items []item) []item {
	in.mu.Lock()
	var hit bool
	for k, i := range in.queue {
		if i.MissingSet != "" && (i.Method == "*" || i.Method == method) {
			i.Count--
			if i.Count <= 0 {
				in.queue = append(in.queue[:k], in.queue[k+1:]...)
			}
			hit = true
			break
		}
	}
	in.mu.Unlock()
	if !hit {
		return items
	}
	return missingItems(items)
}

func isTransportFault(f string) bool {
	return f == "http503" || f == "http502" || f == "disconnect"
}

// faultXML renders the <detail> content of a SOAP fault of the given vSphere type.
func faultXML(kind, this string) (string, bool) {
	inner := ""
	switch kind {
	case "NotAuthenticated":
		inner = fmt.Sprintf(`<object type="SessionManager">SessionManager</object><privilegeId>System.View</privilegeId>`)
	case "InvalidArgument":
		inner = `<invalidProperty>token</invalidProperty>`
	case "InvalidProperty":
		inner = `<name>unknown</name>`
	case "ManagedObjectNotFound":
		inner = `<obj type="ManagedEntity">unknown</obj>`
	case "SystemError":
		inner = `<reason>Injected system error</reason>`
	case "RequestCanceled", "HostCommunication", "InvalidLogin", "InvalidState", "NotSupported", "RuntimeFault":
	default:
		return "", false
	}
	_ = this
	return fmt.Sprintf(`<%sFault xmlns="urn:vim25" xsi:type="%s">%s</%sFault>`, kind, kind, inner, kind), true
}

// writeInjected answers a request with the injected fault.
func writeInjected(w http.ResponseWriter, kind string) {
	switch kind {
	case "http503":
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	case "http502":
		w.WriteHeader(http.StatusBadGateway)
		return
	case "disconnect":
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	detail, _ := faultXML(kind, "")
	msg := "Injected fault: " + kind
	if kind == "NotAuthenticated" {
		msg = "The session is not authenticated."
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString(`<soapenv:Body><soapenv:Fault><faultcode>ServerFaultCode</faultcode><faultstring>`)
	b.WriteString(msg)
	b.WriteString(`</faultstring><detail>`)
	b.WriteString(detail)
	b.WriteString(`</detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write([]byte(b.String()))
}
