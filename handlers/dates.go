package handlers

import (
	"encoding/json"
	"time"

	"summit/domain/deals"
)

// date is a calendar date on the wire: "YYYY-MM-DD".
type date struct{ time.Time }

func (d date) MarshalJSON() ([]byte, error) { return json.Marshal(d.Format(deals.DateLayout)) }

func (d *date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	t, err := deals.ParseDate(s)
	if err != nil {
		return err
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
