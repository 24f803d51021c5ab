package forecasts

import (
	"strings"
	"testing"
	"time"

	"summit/domain/deals"
)

func day(s string) time.Time {
	t, err := time.Parse(deals.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestCurrentQuarter(t *testing.T) {
	tests := []struct {
		day     string
		fyStart int
		want    string
		from    string
	}{
		{"2026-11-30", 1, "2026-Q4", "2026-10-01"},
		{"2026-01-01", 1, "2026-Q1", "2026-01-01"},
		{"2026-03-31", 4, "2025-Q4", "2026-01-01"},
		{"2026-04-01", 4, "2026-Q1", "2026-04-01"},
		{"2026-11-30", 4, "2026-Q3", "2026-10-01"},
		{"2027-01-15", 10, "2026-Q2", "2027-01-01"},
		{"2026-12-31", 12, "2026-Q1", "2026-12-01"},
		{"2026-11-30", 12, "2025-Q4", "2026-09-01"},
	}
	for _, tc := range tests {
		got := CurrentQuarter(day(tc.day), tc.fyStart)
		if got.Name != tc.want || got.From.Format(deals.DateLayout) != tc.from {
			t.Errorf("CurrentQuarter(%s, FY from %d) = %s from %s, want %s from %s", tc.day, tc.fyStart, got.Name, got.From.Format(deals.DateLayout), tc.want, tc.from)
		}
		// The name reads back as the same period.
		parsed, err := deals.ParsePeriod(got.Name, tc.fyStart)
		if err != nil || !parsed.From.Equal(got.From) || !parsed.To.Equal(got.To) {
			t.Errorf("%s parses as %v–%v (%v), window says %v–%v", got.Name, parsed.From, parsed.To, err, got.From, got.To)
		}
	}
}

func TestWindow(t *testing.T) {
	tests := []struct {
		day     string
		fyStart int
		want    string // the periods, in order
	}{
		{"2026-11-30", 1, "2026-Q3 2026-Q4 2027-Q1 2027-Q2 2027-Q3 2027-Q4 " +
			"2026-09 2026-10 2026-11 2026-12 2027-01 2027-02 2027-03 2027-04 2027-05 2027-06 2027-07 2027-08 2027-09 2027-10 2027-11"},
		{"2026-02-01", 4, "2025-Q3 2025-Q4 2026-Q1 2026-Q2 2026-Q3 2026-Q4 " +
			"2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12 2027-01 2027-02"},
		{"2026-01-01", 1, "2025-Q4 2026-Q1 2026-Q2 2026-Q3 2026-Q4 2027-Q1 " +
			"2025-11 2025-12 2026-01 2026-02 2026-03 2026-04 2026-05 2026-06 2026-07 2026-08 2026-09 2026-10 2026-11 2026-12 2027-01"},
	}
	for _, tc := range tests {
		w := Window(day(tc.day), tc.fyStart)
		names := make([]string, 0, len(w))
		for _, p := range w {
			names = append(names, p.Name)
			parsed, err := deals.ParsePeriod(p.Name, tc.fyStart)
			if err != nil || !parsed.From.Equal(p.From) || !parsed.To.Equal(p.To) {
				t.Errorf("%s: window has %v–%v, ParsePeriod %v–%v (%v)", p.Name, p.From, p.To, parsed.From, parsed.To, err)
			}
		}
		if got := strings.Join(names, " "); got != tc.want {
			t.Errorf("Window(%s, FY from %d)\n got %s\nwant %s", tc.day, tc.fyStart, got, tc.want)
		}
		if !InWindow(names[0], day(tc.day), tc.fyStart) || InWindow("1999-Q1", day(tc.day), tc.fyStart) {
			t.Errorf("InWindow disagrees with Window on %s", tc.day)
		}
	}
}

func TestGap(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name       string
		manual     *float64
		confidence float64
		points     *float64
		flagged    bool
	}{
		{"no manual probability: no gap", nil, 0.4, nil, false},
		{"judgement above the model by 30 points", f(0.7), 0.4, f(30), true},
		{"judgement below the model by 30 points", f(0.1), 0.4, f(-30), true},
		{"exactly 20 points is not flagged", f(0.6), 0.4, f(20), false},
		{"20.5 points is", f(0.605), 0.4, f(20.5), true},
		{"agreement", f(0.4), 0.4, f(0), false},
	}
	for _, tc := range tests {
		points, flagged := Gap(tc.manual, tc.confidence)
		if flagged != tc.flagged || (points == nil) != (tc.points == nil) || (points != nil && abs(*points-*tc.points) > 1e-9) {
			t.Errorf("%s: got %v %v, want %v %v", tc.name, deref(points), flagged, deref(tc.points), tc.flagged)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
