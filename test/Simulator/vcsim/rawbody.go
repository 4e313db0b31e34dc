package main

import (
	"github.com/vmware/govmomi/vim25/soap"
)

// vcsim writes a method's body.Res as an element named after its Go type; these types carry
// pre-encoded content (",innerxml" is written verbatim) so pages skip govmomi's slow encoder.

// RetrievePropertiesExResponse is the raw response of RetrievePropertiesEx.
type RetrievePropertiesExResponse struct {
	Inner []byte `xml:",innerxml"`
}

// ContinueRetrievePropertiesExResponse is the raw response of ContinueRetrievePropertiesEx.
type ContinueRetrievePropertiesExResponse struct {
	Inner []byte `xml:",innerxml"`
}

// RetrievePropertiesResponse is the raw response of RetrieveProperties.
type RetrievePropertiesResponse struct {
	Inner []byte `xml:",innerxml"`
}

type rawRetrieveExBody struct {
	Res    *RetrievePropertiesExResponse
	Fault_ *soap.Fault
}

func (b *rawRetrieveExBody) Fault() *soap.Fault { return b.Fault_ }

type rawContinueBody struct {
	Res    *ContinueRetrievePropertiesExResponse
	Fault_ *soap.Fault
}

func (b *rawContinueBody) Fault() *soap.Fault { return b.Fault_ }

type rawRetrieveBody struct {
	Res    *RetrievePropertiesResponse
	Fault_ *soap.Fault
}

func (b *rawRetrieveBody) Fault() *soap.Fault { return b.Fault_ }
