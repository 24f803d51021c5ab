package deals

import (
	"errors"
	"fmt"
	"time"
)

// ErrBadPeriod is a period name that is neither a fiscal quarter nor a month.
var ErrBadPeriod = errors.New("want YYYY-Qn or YYYY-MM")

// Period is a half-open date range [From, To) named like 2026-Q4 or 2026-11.
type Period struct {
	Name     string
	From, To time.Time
}

// ParsePeriod reads a fiscal quarter ("2026-Q4") or a month ("2026-11"). The fiscal year
// starts in month fyStart (1 = January) and is named by the calendar year it starts in:
// with fyStart 4, 2026-Q1 is April–June 2026 and 2026-Q4 is January–March 2027.
func ParsePeriod(s string, fyStart int) (Period, error) {
	var year, n int
	if _, err := fmt.Sscanf(s, "%4d-Q%1d", &year, &n); err == nil && len(s) == 7 && n >= 1 && n <= 4 {
		from := time.Date(year, time.Month(fyStart), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*(n-1), 0)
		return Period{Name: s, From: from, To: from.AddDate(0, 3, 0)}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return Period{Name: s, From: t, To: t.AddDate(0, 1, 0)}, nil
	}
	return Period{}, fmt.Errorf("period %q: %w", s, ErrBadPeriod)
}
