package main

import "fmt"

// Raw property values (control op setRawValue): the next retrievals answer one property of one
// object with a <val> of the given xsi:type and text, whatever the object holds, so that tests can
// send values a real vCenter could (a number beyond its type, text where a number belongs) without
// a hand-made page. Guarded by the world lock, like every control op and every retrieval.
var rawValues = map[string]map[string]rawValueSpec{} // moref value -> property path -> value

type rawValueSpec struct{ xsiType, text string }

// rawValueRequest is the part of a control request that setRawValue reads.
type rawValueRequest struct {
	Object  string  `json:"object,omitempty"`
	Path    string  `json:"path,omitempty"`
	XsiType string  `json:"xsiType,omitempty"`
	Text    *string `json:"text,omitempty"`
}

// rawValueOp handles setRawValue (object, path, xsiType default xsd:long, text; no text removes it)
// and clearRawValues.
func (c *controlHandler) rawValueOp(req *controlRequest) (interface{}, bool, error) {
	switch req.Op {
	case "setRawValue":
		if req.Object == "" || req.Path == "" {
			return nil, true, fmt.Errorf("setRawValue needs object (a moref value) and path")
		}
		if req.Text == nil {
			delete(rawValues[req.Object], req.Path)
			return obj{"object": req.Object, "path": req.Path, "cleared": true}, true, nil
		}
		xsiType := req.XsiType
		if xsiType == "" {
			xsiType = "xsd:long"
		}
		if rawValues[req.Object] == nil {
			rawValues[req.Object] = map[string]rawValueSpec{}
		}
		rawValues[req.Object][req.Path] = rawValueSpec{xsiType: xsiType, text: *req.Text}
		return obj{"object": req.Object, "path": req.Path, "xsiType": xsiType, "text": *req.Text}, true, nil
	case "clearRawValues":
		rawValues = map[string]map[string]rawValueSpec{}
		return obj{}, true, nil
	}
	return nil, false, nil
}

// rawProp writes the raw value of an object's property when one is set, and says whether it did.
func (e *xmlEncoder) rawProp(moref, path string) bool {
	byPath, ok := rawValues[moref]
	if !ok {
		return false
	}
	v, ok := byPath[path]
	if !ok {
		return false
	}
	e.b = append(e.b, "<propSet><name>"...)
	e.escape(path)
	e.b = append(e.b, `</name><val xsi:type="`...)
	e.escape(v.xsiType)
	e.b = append(e.b, `">`...)
	e.escape(v.text)
	e.b = append(e.b, "</val></propSet>"...)
	return true
}
