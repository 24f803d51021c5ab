package repository_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"summit/domain/boards"
	"summit/domain/changes"
	"summit/domain/deals"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// BenchmarkBoardChanges is "what changed since last Monday" for the company over the
// board benchmark's n open deals (seedBoardWorld) and a snapshot of last Monday written
// with one INSERT … SELECT: a quarter of the deals at another confidence then, a tenth at
// another amount, a twentieth closing after the period then (pulled in), 2% not there
// (new); 1% lost since. One op is the whole report: its four queries, the roll-up now,
// every deal's effect and the roll-up as it was. p99-ms is the slowest 1% of the ops.
func BenchmarkBoardChanges(b *testing.B) {
	for _, n := range []int{2_000, 10_000} {
		b.Run(fmt.Sprintf("open_deals_%d", n), func(b *testing.B) {
			ctx := context.Background()
			db, _ := dbtest.New(b)
			services := repository.NewServices(db, targets.Settings{FiscalYearStartMonth: 4})
			period, err := services.Forecasts.CurrentQuarter(ctx)
			if err != nil {
				b.Fatal(err)
			}
			seedBoardWorld(b, db, period, n)
			monday := changes.LastMonday(services.Forecasts.Today())
			seedChangesSnapshot(b, db, period, monday)
			if testing.Verbose() {
				st := repository.NewChanges(db)
				f := changes.Filter{Period: period, Day: monday}
				for _, q := range []struct {
					name string
					fn   func() error
				}{
					{"open", func() error { _, err := st.Open(ctx, f); return err }},
					{"won", func() error { _, err := st.Won(ctx, f); return err }},
					{"then", func() error { _, err := st.Then(ctx, f); return err }},
				} {
					start := time.Now()
					if err := q.fn(); err != nil {
						b.Fatal(err)
					}
					b.Logf("%s: %v", q.name, time.Since(start))
				}
			}
			var rep changes.Report
			var took []time.Duration
			b.ResetTimer()
			cpu := processCPU()
			for b.Loop() {
				start := time.Now()
				if rep, err = services.Changes.Report(ctx, changes.Query{Period: period, Basis: boards.BasisModel}); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "go-cpu-ms/op")
			b.StopTimer()
			slices.Sort(took)
			b.ReportMetric(float64(took[(len(took)*99)/100].Microseconds())/1000, "p99-ms")
			if rep.FromDay == nil || len(rep.Changes) < n/4 || rep.ProbabilityNow == nil {
				b.Fatalf("report: snapshot %v, %d changes", rep.FromDay, len(rep.Changes))
			}
			b.ReportMetric(float64(len(rep.Changes)), "changes")
		})
	}
}

// seedChangesSnapshot writes the snapshot of day over the open deals of seedBoardWorld
// in one INSERT … SELECT (with its forecast_snapshots row), then loses 1% of the deals.
func seedChangesSnapshot(tb testing.TB, db *gorm.DB, period deals.Period, day time.Time) {
	tb.Helper()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO forecast_snapshots (day, open_deals) SELECT ?, count(*) FROM deals WHERE status = 'open'`, []any{day}},
		{`INSERT INTO deal_snapshots (day, deal_id, team_id, amount_minor, currency, target_close_date, forecast_category,
				manual_probability, base, p_win, periods)
			SELECT ?, d.id, d.team_id,
				d.amount_minor + CASE WHEN h % 10 = 1 THEN 1000000 ELSE 0 END, d.currency,
				CASE WHEN h % 20 = 2 THEN ?::date + 30 ELSE d.target_close_date END, d.forecast_category, d.manual_probability,
				0.3, df.confidence,
				jsonb_build_object(?::text, jsonb_build_array(c, c))
			FROM deals d JOIN deal_forecasts df ON df.deal_id = d.id AND df.period = ?,
				LATERAL (SELECT abs(hashtext(d.id::text || 'then')) AS h) x,
				LATERAL (SELECT CASE WHEN x.h % 4 = 0 THEN (x.h % 1000) / 1000.0 ELSE df.confidence END AS c) y
			WHERE d.status = 'open' AND x.h % 50 <> 7`, []any{day, period.To, period.Name, period.Name}},
		{`UPDATE deals SET status = 'lost' WHERE status = 'open' AND abs(hashtext(id::text || 'lost')) % 100 = 0`, nil},
		{`ANALYZE`, nil},
	} {
		if err := db.Exec(q.sql, q.args...).Error; err != nil {
			tb.Fatalf("%s: %v", q.sql, err)
		}
	}
}

// BenchmarkBoardChangesCached is the same report at 10,000 open deals through the cache
// (changes.Cache, the board's TTL), asked by 16 goroutines at once after the one build.
func BenchmarkBoardChangesCached(b *testing.B) {
	ctx := context.Background()
	db, _ := dbtest.New(b)
	services := repository.NewServices(db, targets.Settings{FiscalYearStartMonth: 4})
	period, err := services.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		b.Fatal(err)
	}
	seedBoardWorld(b, db, period, 10_000)
	seedChangesSnapshot(b, db, period, changes.LastMonday(services.Forecasts.Today()))
	services.Changes.Cache = changes.NewCache(time.Minute)
	q := changes.Query{Period: period, Basis: boards.BasisModel}
	if _, err := services.Changes.Report(ctx, q); err != nil { // the one build
		b.Fatal(err)
	}
	b.SetParallelism(8) // 16 goroutines on 2 cores
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if rep, err := services.Changes.Report(ctx, q); err != nil || len(rep.Changes) < 2_500 {
				b.Errorf("report of %d changes: %v", len(rep.Changes), err)
				return
			}
		}
	})
}
