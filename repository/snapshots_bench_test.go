package repository_test

import (
	"strings"
	"testing"
	"time"

	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
	"summit/repository"
)

// BenchmarkDailySnapshot10k is the day's forecast snapshot over 10,000 open deals
// (seedConfidenceWorld: 150,000 milestones, 60,000 stakeholders) whose figures the daily
// confidence job has stored (RefreshDue, outside the timer): one op copies every deal's
// figures into deal_snapshots and rolls every scope (the company and its team) up from
// them for the periods the day lies in (its quarter and its month) on both bases, with a
// target in each, in one transaction (history.Service.Take). The day's rows are deleted between ops.
func BenchmarkDailySnapshot10k(b *testing.B) {
	const n = 10_000
	f := newDealsFixture(b)
	team, c := f.team("North"), f.customer("Water Bureau", "government")
	seedConfidenceWorld(b, f.db, c.ID, team.ID, f.template("g2b").ID, n)
	svc := repository.NewServices(f.db, targets.Settings{FiscalYearStartMonth: 1})
	clock := func() time.Time { return f.clock }
	svc.Forecasts.Now, svc.History.Now = clock, clock
	day := deals.Day(f.clock)
	if got, err := svc.Forecasts.RefreshDue(f.ctx, day); err != nil || got != n {
		b.Fatalf("refreshed %d (%v), want %d", got, err, n)
	}
	var periods []string
	rolled := 0 // the periods the day lies in: the ones rolled up
	for _, p := range forecasts.Window(day, 1) {
		periods = append(periods, p.Name)
		if !day.Before(p.From) && day.Before(p.To) {
			rolled++
		}
	}
	err := f.db.Exec(`INSERT INTO targets (period, team_id, amount_minor, currency)
		SELECT p, t, 20000000000, 'CNY' FROM unnest(?::text[]) p, (VALUES (NULL::uuid), (?::uuid)) AS s(t)`, "{"+strings.Join(periods, ",")+"}", team.ID).Error
	if err != nil {
		b.Fatal(err)
	}
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		if err := f.db.Exec("DELETE FROM forecast_snapshots WHERE day = ?", day).Error; err != nil {
			b.Fatal(err)
		}
		before := processCPU()
		b.StartTimer()
		tk, err := svc.History.Take(f.ctx, day)
		cpu += processCPU() - before
		if err != nil || tk.Deals != n || tk.Scopes != 2*2*rolled {
			b.Fatalf("took %+v (%v), want %d deals and %d scope rows", tk, err, n, 4*rolled)
		}
	}
	// The Go side's CPU (the roll-ups, encoding, scanning); PostgreSQL's is its own process.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "go-cpu-s/op")
}
