package confidence

import "time"

// Plans count working days, Monday to Friday, as domain/deals does. The engine works on
// integer day numbers so that a deal's timing costs no loops over calendars:
//   - a day number counts calendar days from Monday 1970-01-05 (day 0);
//   - a working-day index counts working days from the same Monday.

const epochShift = 4 // 1970-01-01 is a Thursday; 1970-01-05, four days later, a Monday

// dayNum is t's calendar date as a day number (in t's own location, as deals.Day).
func dayNum(t time.Time) int {
	if t.Location() == time.UTC {
		q, _ := floorDiv(int(t.Unix()), 86400)
		return q - epochShift
	}
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()/86400) - epochShift
}

// dayTime is the date of day number n.
func dayTime(n int) time.Time {
	return time.Unix(int64(n+epochShift)*86400, 0).UTC()
}

func floorDiv(a, b int) (q, r int) {
	q, r = a/b, a%b
	if r < 0 {
		q, r = q-1, r+b
	}
	return q, r
}

// wdCeil is the working-day index of day n, or of the Monday after when n is a weekend.
func wdCeil(n int) int {
	w, d := floorDiv(n, 7)
	if d > 4 {
		return (w + 1) * 5
	}
	return w*5 + d
}

// wdDay is the day number of working-day index i.
func wdDay(i int) int {
	w, d := floorDiv(i, 5)
	return w*7 + d
}

// wdOf is the working-day index of t (rolled forward from a weekend).
func wdOf(t time.Time) int { return wdCeil(dayNum(t)) }

// wdTime is the date of working-day index i.
func wdTime(i int) time.Time { return dayTime(wdDay(i)) }
