package forecasts

import (
	"fmt"
	"time"

	"summit/domain/deals"
)

// The stored window around a day: fiscal quarters from QuartersBack before the current
// one to QuartersAhead after it, and months from MonthsBack before the current one to
// MonthsAhead after it (handlers/openapi.yaml, GET /deals `period`).
const (
	QuartersBack  = 1
	QuartersAhead = 4
	MonthsBack    = 2
	MonthsAhead   = 12
)

// CurrentQuarter is the fiscal quarter day falls in, with the fiscal year starting in
// month fyStart (1 = January) and named by the calendar year it starts in.
func CurrentQuarter(day time.Time, fyStart int) deals.Period {
	return quarter(quarterIndex(day, fyStart), fyStart)
}

// Window lists the periods Summit keeps figures for as of day: the fiscal quarters
// (oldest first), then the months (oldest first).
func Window(day time.Time, fyStart int) []deals.Period {
	out := make([]deals.Period, 0, QuartersBack+QuartersAhead+MonthsBack+MonthsAhead+2)
	q := quarterIndex(day, fyStart)
	for i := q - QuartersBack; i <= q+QuartersAhead; i++ {
		out = append(out, quarter(i, fyStart))
	}
	day = deals.Day(day)
	first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	for i := -MonthsBack; i <= MonthsAhead; i++ {
		from := first.AddDate(0, i, 0)
		out = append(out, deals.Period{Name: from.Format("2006-01"), From: from, To: from.AddDate(0, 1, 0)})
	}
	return out
}

// InWindow says whether the period named name is one Window(day, fyStart) holds.
func InWindow(name string, day time.Time, fyStart int) bool {
	for _, p := range Window(day, fyStart) {
		if p.Name == name {
			return true
		}
	}
	return false
}

// quarterIndex counts fiscal quarters: 4 × the fiscal year + the quarter (0–3).
func quarterIndex(day time.Time, fyStart int) int {
	day = deals.Day(day)
	m := int(day.Month()) - fyStart // months since the fiscal year began, possibly negative
	y := day.Year()
	if m < 0 {
		m += 12
		y--
	}
	return y*4 + m/3
}

func quarter(i, fyStart int) deals.Period {
	y, q := i/4, i%4
	from := time.Date(y, time.Month(fyStart), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 3*q, 0)
	return deals.Period{Name: fmt.Sprintf("%04d-Q%d", y, q+1), From: from, To: from.AddDate(0, 3, 0)}
}
