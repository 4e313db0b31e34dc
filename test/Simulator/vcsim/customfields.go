package main

import (
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// Custom attribute definitions (CustomFieldsManager.field). One name is a spreadsheet formula, as hostile
// input for exports.
var customFieldNames = []struct {
	name, moType string
}{
	{"Owner", "VirtualMachine"},
	{"Cost Center", "VirtualMachine"},
	{"Backup Policy", ""},
	{`=HYPERLINK("http://evil.example","x")`, "VirtualMachine"},
	{"Rack", "HostSystem"},
}

var costCenters = []string{"CC-1001", "CC-2040", "CC-3300", "+44 20 7946 0958", "@finance"}
var backupPolicies = []string{"gold-daily", "silver-weekly", "none"}

func (w *world) createCustomFields() error {
	m := simulator.Map.CustomFieldsManager()
	for i, f := range customFieldNames {
		def := types.CustomFieldDef{
			Key: int32(101 + i), Name: f.name, Type: "string", ManagedObjectType: f.moType,
			FieldDefPrivileges: &types.PrivilegePolicyDef{CreatePrivilege: "System.Read", ReadPrivilege: "System.Read", UpdatePrivilege: "System.Read", DeletePrivilege: "System.Read"},
			FieldInstancePrivileges: &types.PrivilegePolicyDef{CreatePrivilege: "System.Read", ReadPrivilege: "System.Read", UpdatePrivilege: "System.Read", DeletePrivilege: "System.Read"},
		}
		m.Field = append(m.Field, def)
		w.fields = append(w.fields, def)
	}
	return nil
}

// customValues gives a VM some of the custom attributes (customValue), or none.
func (w *world) customValues(index int) []types.BaseCustomFieldValue {
	if index >= len(specialNames) && w.chance(0.4) {
		return nil
	}
	var out []types.BaseCustomFieldValue
	add := func(key int32, value string) {
		out = append(out, &types.CustomFieldStringValue{CustomFieldValue: types.CustomFieldValue{Key: key}, Value: value})
	}
	add(101, "team-"+appPrefixes[w.rng.Intn(len(appPrefixes))])
	if w.chance(0.7) || index < len(specialNames) {
		add(102, costCenters[w.rng.Intn(len(costCenters))])
	}
	if w.chance(0.5) {
		add(103, backupPolicies[w.rng.Intn(len(backupPolicies))])
	}
	if index < 2 {
		add(104, "=1+2")
	}
	return out
}
