package targets

import (
	"errors"
	"testing"
	"time"

	"summit/domain"
	"summit/domain/deals"
)

// fields lists the fields a ValidationError names, field → rule.
func fields(t *testing.T, err error) map[string]string {
	t.Helper()
	out := map[string]string{}
	var verr *domain.ValidationError
	if err != nil && !errors.As(err, &verr) {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	if verr != nil {
		for _, v := range verr.Violations {
			out[v.Field] = v.Rule
		}
	}
	return out
}

func TestCheckTarget(t *testing.T) {
	tests := []struct {
		name   string
		target Target
		want   map[string]string
	}{
		{"a quarter", Target{Period: "2026-Q4", AmountMinor: 1, Currency: "CNY"}, map[string]string{}},
		{"a month", Target{Period: "2026-11", AmountMinor: 0, Currency: "CNY"}, map[string]string{}},
		{"not a period", Target{Period: "2026-Q5", AmountMinor: 1, Currency: "CNY"}, map[string]string{"period": "period"}},
		{"negative", Target{Period: "2026-Q4", AmountMinor: -1, Currency: "CNY"}, map[string]string{"amount_minor": "range"}},
		{"past the deal bound", Target{Period: "2026-Q4", AmountMinor: domain.MaxAmountMinor + 1, Currency: "CNY"}, map[string]string{"amount_minor": "range"}},
		{"another currency", Target{Period: "2026-Q4", AmountMinor: 1, Currency: "USD"}, map[string]string{"currency": "reporting_currency"}},
		{"not a currency", Target{Period: "2026-Q4", AmountMinor: 1, Currency: "usd"}, map[string]string{"currency": "iso4217"}},
	}
	for _, tc := range tests {
		got := fields(t, CheckTarget(tc.target, "CNY"))
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		for f, r := range tc.want {
			if got[f] != r {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}

func TestCheckRate(t *testing.T) {
	tests := []struct {
		name string
		rate FXRate
		want map[string]string
	}{
		{"a rate", FXRate{Period: "2026-Q4", Currency: "USD", Rate: "7.1"}, map[string]string{}},
		{"the reporting currency", FXRate{Period: "2026-Q4", Currency: "CNY", Rate: "1"}, map[string]string{"currency": "not_reporting_currency"}},
		{"unknown currency", FXRate{Period: "2026-Q4", Currency: "ZZZ", Rate: "1"}, map[string]string{"currency": "iso4217"}},
		{"zero", FXRate{Period: "2026-Q4", Currency: "USD", Rate: "0"}, map[string]string{"rate": "fx_rate"}},
		{"bad period", FXRate{Period: "Q4", Currency: "USD", Rate: "7"}, map[string]string{"period": "period"}},
	}
	for _, tc := range tests {
		got := fields(t, CheckRate(tc.rate, "CNY"))
		if len(got) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		for f, r := range tc.want {
			if got[f] != r {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}

func TestQuarterOf(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		day           time.Time
		fyStart       int
		quarter, next string
	}{
		{day(2026, 11, 30), 1, "2026-Q4", "2027-Q1"},
		{day(2026, 1, 1), 1, "2026-Q1", "2026-Q2"},
		{day(2026, 11, 30), 4, "2026-Q3", "2026-Q4"},
		{day(2027, 2, 10), 4, "2026-Q4", "2027-Q1"},
		{day(2026, 3, 31), 4, "2025-Q4", "2026-Q1"},
		{day(2026, 4, 1), 4, "2026-Q1", "2026-Q2"},
		{day(2026, 9, 30), 10, "2025-Q4", "2026-Q1"},
	}
	for _, tc := range tests {
		if got := QuarterOf(tc.day, tc.fyStart); got != tc.quarter {
			t.Errorf("QuarterOf(%s, %d) = %s, want %s", tc.day.Format(time.DateOnly), tc.fyStart, got, tc.quarter)
		}
		// The name reads back (deals.ParsePeriod) as the quarter holding the day.
		if p, err := deals.ParsePeriod(tc.quarter, tc.fyStart); err != nil || tc.day.Before(p.From) || !tc.day.Before(p.To) {
			t.Errorf("%s with fiscal start %d is %v–%v, not holding %s", tc.quarter, tc.fyStart, p.From, p.To, tc.day)
		}
		if got := NextQuarter(tc.day, tc.fyStart); got != tc.next {
			t.Errorf("NextQuarter(%s, %d) = %s, want %s", tc.day.Format(time.DateOnly), tc.fyStart, got, tc.next)
		}
	}
}
