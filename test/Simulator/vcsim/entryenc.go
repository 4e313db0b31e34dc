package main

import (
	"reflect"
	"strings"

	"github.com/vmware/govmomi/vim25/types"
)

// encodeEntry writes an object's <obj/> and one <propSet/> per set property: the inner content of
// the ObjectContent govmomi would encode, without building it. Caller holds the object's lock.
func (r *retrieval) encodeEntry(enc *xmlEncoder, e *entry) {
	all, paths := e.merged()
	enc.element("obj", reflect.ValueOf(e.ref), false, false, false)
	rv := moValue(e.obj)
	if all {
		for _, f := range fieldsOf(rv.Type()).list {
			if f.name != "self" && !enc.rawProp(e.ref.Value, f.name) {
				enc.prop(f.name, rv.FieldByIndex(f.index))
			}
		}
	}
	for _, p := range paths {
		if all && !strings.Contains(p, ".") {
			continue
		}
		if enc.rawProp(e.ref.Value, p) {
			continue
		}
		if v, ok := lookupPath(rv, p); ok {
			enc.prop(p, v)
		}
	}
}

// prop writes <propSet><name/><val/></propSet> when the value is set (see propValue).
func (e *xmlEncoder) prop(name string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		if v.IsNil() {
			return
		}
	case reflect.String:
		if v.Len() == 0 {
			return
		}
	case reflect.Slice:
		v = reflect.ValueOf(wrapSlice(v))
	}
	e.b = append(e.b, "<propSet><name>"...)
	e.escape(name)
	e.b = append(e.b, "</name>"...)
	e.element("val", v, false, true, false)
	e.b = append(e.b, "</propSet>"...)
}

// objectContent writes the inner content of a govmomi ObjectContent (missing objects, injected answers).
func (e *xmlEncoder) objectContent(oc *types.ObjectContent) {
	v := reflect.ValueOf(oc).Elem()
	p := planOf(v.Type())
	for i := range p.fields {
		f := &p.fields[i]
		e.element(f.name, v.FieldByIndex(f.index), f.omitempty, f.typeattr, false)
	}
}

// resultXML builds <returnval> of a RetrieveResult from encoded items.
func resultXML(token string, items []item) []byte {
	n := 64
	for i := range items {
		n += len(items[i].inner) + 20
	}
	b := make([]byte, 0, n)
	b = append(b, "<returnval>"...)
	if token != "" {
		e := &xmlEncoder{b: b}
		e.b = append(e.b, "<token>"...)
		e.escape(token)
		b = append(e.b, "</token>"...)
	}
	for i := range items {
		b = append(b, "<objects>"...)
		b = append(b, items[i].inner...)
		b = append(b, "</objects>"...)
	}
	return append(b, "</returnval>"...)
}

// objectsXML builds the <returnval> sequence of RetrieveProperties.
func objectsXML(items []item) []byte {
	n := 0
	for i := range items {
		n += len(items[i].inner) + 24
	}
	b := make([]byte, 0, n)
	for i := range items {
		b = append(b, "<returnval>"...)
		b = append(b, items[i].inner...)
		b = append(b, "</returnval>"...)
	}
	return b
}

// missingItems rewrites items so that every asked path is a missingSet NotAuthenticated fault.
func missingItems(items []item) []item {
	out := make([]item, len(items))
	for i, it := range items {
		paths := it.paths
		if len(paths) == 0 {
			paths = []string{"name"}
		}
		oc := types.ObjectContent{Obj: it.ref}
		for _, p := range paths {
			oc.MissingSet = append(oc.MissingSet, types.MissingProperty{
				Path: p,
				Fault: types.LocalizedMethodFault{Fault: &types.NotAuthenticated{
					NoPermission: types.NoPermission{Object: it.ref, PrivilegeId: "System.View"},
				}},
			})
		}
		e := &xmlEncoder{}
		e.objectContent(&oc)
		out[i] = item{ref: it.ref, inner: e.b, paths: it.paths}
	}
	return out
}
