package deals

import (
	"errors"
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

func TestDatesOutsideTheRangeAreRefused(t *testing.T) {
	tests := []struct {
		in      string
		inRange bool
	}{
		{"1989-12-31", false},
		{"1990-01-01", true},
		{"2026-11-23", true},
		{"2200-12-31", true},
		{"2201-01-01", false},
		{"0000-01-01", false},
		{"9999-12-31", false},
	}
	for _, tc := range tests {
		_, err := ParseDate(tc.in)
		if got := err == nil; got != tc.inRange {
			t.Errorf("ParseDate(%s) = %v, want in range %v", tc.in, err, tc.inRange)
		}
		if !tc.inRange && !errors.Is(err, ErrDateOutOfRange) {
			t.Errorf("ParseDate(%s) = %v, want ErrDateOutOfRange", tc.in, err)
		}
	}
}
