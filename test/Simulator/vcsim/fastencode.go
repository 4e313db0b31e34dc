package main

import (
	"bytes"
	"reflect"
	"strconv"

	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

// Pages of RetrievePropertiesEx are most of what a sync reads, and govmomi's reflection-based XML encoder made
// the simulator, not the client, the slowest part of a benchmark (about half of its CPU at 10k VMs). Pages are
// therefore written here by hand for the values inventory properties hold - strings, numbers, booleans, enums,
// references and arrays of references - in vCenter's own form (xsi:type with the envelope's xsi and xsd
// prefixes); any other value (host mounts, identification info, port settings, alarm states, missingSet) still
// goes through govmomi's encoder, exactly as before.

// RetrievePropertiesExResponse carries a pre-encoded RetrieveResult. vcsim names the response element after the
// type of the body's Res field, hence the name.
type RetrievePropertiesExResponse struct {
	Inner []byte `xml:",innerxml"`
}

// ContinueRetrievePropertiesExResponse is the same for the following pages.
type ContinueRetrievePropertiesExResponse struct {
	Inner []byte `xml:",innerxml"`
}

type encodedRetrieveBody struct {
	Res *RetrievePropertiesExResponse
}

func (b *encodedRetrieveBody) Fault() *soap.Fault { return nil }

type encodedContinueBody struct {
	Res *ContinueRetrievePropertiesExResponse
}

func (b *encodedContinueBody) Fault() *soap.Fault { return nil }

var (
	morefType      = reflect.TypeOf(types.ManagedObjectReference{})
	morefArrayType = reflect.TypeOf(types.ArrayOfManagedObjectReference{})
)

// encodeRetrieveResult writes <returnval> with the token first, as vCenter does, then the objects.
func encodeRetrieveResult(res types.RetrieveResult) []byte {
	var b bytes.Buffer
	b.Grow(len(res.Objects) * 1024)
	b.WriteString("<returnval>")
	if res.Token != "" {
		b.WriteString("<token>")
		escape(&b, res.Token)
		b.WriteString("</token>")
	}
	for i := range res.Objects {
		encodeObjectContent(&b, &res.Objects[i])
	}
	b.WriteString("</returnval>")
	return b.Bytes()
}

func encodeObjectContent(b *bytes.Buffer, oc *types.ObjectContent) {
	if len(oc.MissingSet) > 0 {
		fallback(b, oc, "objects")
		return
	}
	b.WriteString("<objects>")
	writeMoref(b, "obj", "", oc.Obj)
	for i := range oc.PropSet {
		p := &oc.PropSet[i]
		mark := b.Len()
		b.WriteString("<propSet><name>")
		escape(b, p.Name)
		b.WriteString("</name>")
		if !writeVal(b, p.Val) {
			b.Truncate(mark)
			fallback(b, p, "propSet")
			continue
		}
		b.WriteString("</propSet>")
	}
	b.WriteString("</objects>")
}

// writeVal writes <val> for the simple values; false leaves the rest to govmomi's encoder.
func writeVal(b *bytes.Buffer, val types.AnyType) bool {
	switch v := val.(type) {
	case string:
		writeScalar(b, "xsd:string", v)
	case int32:
		writeScalar(b, "xsd:int", strconv.FormatInt(int64(v), 10))
	case int64:
		writeScalar(b, "xsd:long", strconv.FormatInt(v, 10))
	case bool:
		writeScalar(b, "xsd:boolean", strconv.FormatBool(v))
	case types.ManagedObjectReference:
		writeMoref(b, "val", "ManagedObjectReference", v)
	case types.ArrayOfManagedObjectReference:
		b.WriteString(`<val xsi:type="ArrayOfManagedObjectReference">`)
		for _, ref := range v.ManagedObjectReference {
			writeMoref(b, "ManagedObjectReference", "", ref)
		}
		b.WriteString("</val>")
	default:
		rv := reflect.ValueOf(val)
		// Enumerations (VirtualMachinePowerState, ...) are named string types: their type name is the xsi:type.
		if !rv.IsValid() || rv.Kind() != reflect.String || rv.Type().PkgPath() != morefType.PkgPath() {
			return false
		}
		writeScalar(b, rv.Type().Name(), rv.String())
	}
	return true
}

func writeScalar(b *bytes.Buffer, xsiType, text string) {
	b.WriteString(`<val xsi:type="`)
	b.WriteString(xsiType)
	b.WriteString(`">`)
	escape(b, text)
	b.WriteString("</val>")
}

func writeMoref(b *bytes.Buffer, element, xsiType string, ref types.ManagedObjectReference) {
	b.WriteByte('<')
	b.WriteString(element)
	if xsiType != "" {
		b.WriteString(` xsi:type="`)
		b.WriteString(xsiType)
		b.WriteByte('"')
	}
	b.WriteString(` type="`)
	escape(b, ref.Type)
	b.WriteString(`">`)
	escape(b, ref.Value)
	b.WriteString("</")
	b.WriteString(element)
	b.WriteByte('>')
}

func escape(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			// Rare: leave it to the standard escaping (which also replaces invalid characters).
			_ = xml.EscapeText(b, []byte(s))
			return
		}
	}
	b.WriteString(s)
}

// fallback encodes one value as vcsim always has.
func fallback(b *bytes.Buffer, v interface{}, element string) {
	e := xml.NewEncoder(b)
	if err := e.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: element}}); err != nil {
		panic(err) // the same value would have failed vcsim's own encoding of the page
	}
	_ = e.Flush()
}
