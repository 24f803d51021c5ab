package handlers

import (
	"bytes"
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

// optionalNumber is a nullable number in a PATCH: absent leaves the value, null clears
// it. Its range is the domain's to judge.
type optionalNumber struct {
	Set   bool
	Value *float64
}

// UnmarshalJSON is only called when the field is present.
func (o *optionalNumber) UnmarshalJSON(b []byte) error {
	o.Set = true
	if err := json.Unmarshal(b, &o.Value); err != nil {
		if bytes.HasPrefix(bytes.TrimSpace(b), []byte("-")) || (len(b) > 0 && b[0] >= '0' && b[0] <= '9') {
			return &fieldError{rule: "number", invalid: true} // a number past float64
		}
		return &fieldError{rule: "number"}
	}
	return nil
}
