package deals

import (
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestWorkingDays(t *testing.T) {
	// 2026-11-20 is a Friday, 2026-11-23 a Monday.
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-20", 0, "2026-11-20"},
		{"2026-11-20", 1, "2026-11-23"},
		{"2026-11-21", 0, "2026-11-23"}, // Saturday rolls to Monday
		{"2026-11-23", 4, "2026-11-27"},
		{"2026-11-23", 5, "2026-11-30"},
		{"2026-11-23", -1, "2026-11-20"},
		{"2026-11-23", 10, "2026-12-07"},
	}
	for _, tc := range tests {
		if got := AddWorkingDays(d(tc.from), tc.n).Format(DateLayout); got != tc.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tc.from, tc.n, got, tc.want)
		}
		if tc.n != 0 && d(tc.from).Weekday() != time.Saturday {
			if back := WorkingDaysBetween(d(tc.from), d(tc.want)); back != tc.n {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tc.from, tc.want, back, tc.n)
			}
		}
	}
	if got := CalendarDaysBetween(d("2026-11-20"), d("2026-12-01")); got != 11 {
		t.Errorf("CalendarDaysBetween = %d", got)
	}
}
