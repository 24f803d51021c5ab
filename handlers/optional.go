package handlers

import (
	"encoding/json"

	"github.com/google/uuid"
)

// optionalID tells a field that was absent from one sent as null: in a PATCH, absent
// means "leave it", null means "clear it". Anything else must be a UUID.
type optionalID struct {
	Set   bool
	Value *string
}

// UnmarshalJSON is only called when the field is present.
func (o *optionalID) UnmarshalJSON(b []byte) error {
	o.Set = true
	if err := json.Unmarshal(b, &o.Value); err != nil {
		return &fieldError{rule: "uuid"}
	}
	if o.Value != nil {
		if _, err := uuid.Parse(*o.Value); err != nil {
			return &fieldError{rule: "uuid", invalid: true}
		}
	}
	return nil
}
