package handlers

import (
	"encoding/json"
	"errors"
	"time"

	"summit/domain/deals"
)

// date is a calendar date on the wire: "YYYY-MM-DD".
type date struct{ time.Time }

func (d date) MarshalJSON() ([]byte, error) { return json.Marshal(d.Format(deals.DateLayout)) }

// UnmarshalJSON takes "YYYY-MM-DD" within the accepted range (deals.ParseDate); what
// does not fit is a fieldError, so the binder names the field.
func (d *date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &fieldError{rule: "date"}
	}
	t, err := deals.ParseDate(s)
	switch {
	case errors.Is(err, deals.ErrDateOutOfRange):
		return &fieldError{rule: "date_range", param: deals.DateRangeText, invalid: true}
	case err != nil:
		return &fieldError{rule: "date"}
	}
	d.Time = t
	return nil
}

func toDate(t time.Time) date { return date{deals.Day(t)} }

func toDatePtr(t *time.Time) *date {
	if t == nil {
		return nil
	}
	d := toDate(*t)
	return &d
}

func fromDatePtr(d *date) *time.Time {
	if d == nil {
		return nil
	}
	return &d.Time
}

// optionalDate tells a date field that was absent from one sent as null: in a PATCH,
// absent means "leave it", null means "clear it".
type optionalDate struct {
	Set   bool
	Value *date
}

// UnmarshalJSON is only called when the field is present.
func (o *optionalDate) UnmarshalJSON(b []byte) error {
	o.Set = true
	return json.Unmarshal(b, &o.Value)
}

// patch returns the new date (nil: unchanged or cleared) and whether to clear it.
func (o optionalDate) patch() (*time.Time, bool) {
	return fromDatePtr(o.Value), o.Set && o.Value == nil
}
