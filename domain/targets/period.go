package targets

import (
	"fmt"
	"time"
)

// QuarterOf names the fiscal quarter that day falls in ("2026-Q4"), the fiscal year
// starting in month fyStart and named by the calendar year it starts in (as
// deals.ParsePeriod reads it).
func QuarterOf(day time.Time, fyStart int) string {
	months := (int(day.Month()) - fyStart + 12) % 12
	year := day.Year()
	if int(day.Month()) < fyStart {
		year--
	}
	return fmt.Sprintf("%04d-Q%d", year, months/3+1)
}

// NextQuarter names the fiscal quarter after the one day falls in.
func NextQuarter(day time.Time, fyStart int) string {
	first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	return QuarterOf(first.AddDate(0, 3, 0), fyStart)
}
