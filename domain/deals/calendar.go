// Package deals holds deals run as projects: customers, deals, milestone templates and
// plans, dependencies, baselines and slippage — entities and the pure rules over them.
package deals

import (
	"errors"
	"fmt"
	"time"
)

// DateLayout is how dates travel: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// Day truncates t to its calendar date (UTC midnight): plans are in whole days.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// The dates Summit accepts, on every date field of the API and in plan imports: a year
// 0 or 9999 is a typo, not a plan. DateRangeText names the range in messages.
var (
	MinDate = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxDate = time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC)
)

// DateRangeText is MinDate … MaxDate as shown to users.
const DateRangeText = "1990-01-01 – 2200-12-31"

// ErrDateOutOfRange: a well-formed date before MinDate or after MaxDate.
var ErrDateOutOfRange = errors.New("date out of range " + DateRangeText)

// CheckDateRange is nil for a date within MinDate … MaxDate.
func CheckDateRange(t time.Time) error {
	if d := Day(t); d.Before(MinDate) || d.After(MaxDate) {
		return fmt.Errorf("%s: %w", t.Format(DateLayout), ErrDateOutOfRange)
	}
	return nil
}

// ParseDate reads YYYY-MM-DD within MinDate … MaxDate (else ErrDateOutOfRange).
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return t, err
	}
	return t, CheckDateRange(t)
}

// Plans count working days, Monday to Friday. Public holidays and the adjusted
// weekends of the Chinese calendar are not modelled: PMOs move dates by hand where
// they matter (documented in docs/plans.md).
func isWorkingDay(d time.Time) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday
}

// NextWorkingDay is d when it is a working day, else the following Monday.
func NextWorkingDay(d time.Time) time.Time {
	d = Day(d)
	for !isWorkingDay(d) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// AddWorkingDays moves n working days from d (n may be negative); d itself is first
// rolled forward to a working day.
func AddWorkingDays(d time.Time, n int) time.Time {
	d = NextWorkingDay(d)
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDate(0, 0, step)
		if isWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts working days from a to b: positive when b is later, 0 when
// they are the same working day.
func WorkingDaysBetween(a, b time.Time) int {
	a, b = Day(a), Day(b)
	sign := 1
	if b.Before(a) {
		a, b, sign = b, a, -1
	}
	n := 0
	for d := a; d.Before(b); d = d.AddDate(0, 0, 1) {
		if isWorkingDay(d.AddDate(0, 0, 1)) {
			n++
		}
	}
	return sign * n
}

// CalendarDaysBetween is b − a in days.
func CalendarDaysBetween(a, b time.Time) int {
	return int(Day(b).Sub(Day(a)).Hours() / 24)
}
