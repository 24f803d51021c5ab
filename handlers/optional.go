package handlers

import "encoding/json"

// optionalID tells a field that was absent from one sent as null: in a PATCH, absent
// means "leave it", null means "clear it".
type optionalID struct {
	Set   bool
	Value *string
}

// UnmarshalJSON is only called when the field is present.
func (o *optionalID) UnmarshalJSON(b []byte) error {
	o.Set = true
	return json.Unmarshal(b, &o.Value)
}
