package deals

import "testing"

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in       string
		fyStart  int
		from, to string
		bad      bool
	}{
		{"2026-Q4", 1, "2026-10-01", "2027-01-01", false},
		{"2026-Q1", 1, "2026-01-01", "2026-04-01", false},
		{"2026-Q4", 4, "2027-01-01", "2027-04-01", false},
		{"2026-Q1", 4, "2026-04-01", "2026-07-01", false},
		{"2026-11", 1, "2026-11-01", "2026-12-01", false},
		{"2026-Q5", 1, "", "", true},
		{"2026-13", 1, "", "", true},
		{"Q4", 1, "", "", true},
	}
	for _, tc := range tests {
		p, err := ParsePeriod(tc.in, tc.fyStart)
		if tc.bad {
			if err == nil {
				t.Errorf("%s accepted", tc.in)
			}
			continue
		}
		if err != nil || p.From.Format(DateLayout) != tc.from || p.To.Format(DateLayout) != tc.to {
			t.Errorf("%s (FY from %d) = %v–%v %v, want %s–%s", tc.in, tc.fyStart, p.From, p.To, err, tc.from, tc.to)
		}
	}
}
