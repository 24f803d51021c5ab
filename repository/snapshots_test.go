package repository_test

import (
	"context"
	"errors"
	"math"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/forecasts"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// demoWorld is the demo organisation with its board data (targets, FX rates, USD deals)
// in a fresh database, and its services with the clock at now.
func demoWorld(t *testing.T) (*gorm.DB, repository.Services, string) {
	t.Helper()
	ctx := context.Background()
	url := dbtest.URL(t)
	gdb := openOn(t, url)
	if err := repository.EnsureBuiltinTemplates(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemo(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemoBoard(ctx, gdb, targets.Settings{FiscalYearStartMonth: 1}); err != nil {
		t.Fatal(err)
	}
	return gdb, repository.NewServices(gdb, targets.Settings{FiscalYearStartMonth: 1}), url
}

// openOn opens another pool on the database at url: another app instance.
func openOn(t *testing.T, url string) *gorm.DB {
	t.Helper()
	gdb, sqlDB, err := repository.Open(context.Background(), url, repository.PoolOptions{MaxIdleConns: 2}, dbtest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB.Close() })
	return gdb
}

type snapshotCounts struct{ Days, Deals, Scopes int64 }

func countSnapshots(t *testing.T, db *gorm.DB) snapshotCounts {
	t.Helper()
	var c snapshotCounts
	err := db.Raw(`SELECT (SELECT count(*) FROM forecast_snapshots) AS days, (SELECT count(*) FROM deal_snapshots) AS deals,
		(SELECT count(*) FROM scope_snapshots) AS scopes`).Scan(&c).Error
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDailySnapshotRollsUpAsTheBoard: the daily job stores every open deal of the demo
// and, for the current quarter, each scope's roll-up on both bases equal to what the
// board shows an administrator that day — computed from the stored deal snapshots.
func TestDailySnapshotRollsUpAsTheBoard(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb, svc, _ := demoWorld(t)
	now := time.Now().UTC()
	_, taken, ran, err := repository.RunDailyJob(ctx, gdb, svc.Forecasts, svc.History, now)
	if err != nil || !ran || len(taken) != 1 || !taken[0].Day.Equal(deals.Day(now)) || taken[0].Recomputed {
		t.Fatalf("daily job: taken %+v, ran %v, %v; want today's snapshot from the stored figures", taken, ran, err)
	}
	var open int64
	gdb.Raw("SELECT count(*) FROM deals WHERE status = 'open'").Scan(&open)
	if c := countSnapshots(t, gdb); c.Days != 1 || c.Deals != open || int64(taken[0].Deals) != open || c.Scopes == 0 {
		t.Fatalf("stored %+v (taken %d deals), want 1 day and the %d open deals", c, taken[0].Deals, open)
	}
	period, err := svc.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := svc.Targets.TargetTree(ctx, period.Name)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, n := range tree {
		for _, basis := range []string{boards.BasisModel, boards.BasisJudgement} {
			b, err := svc.Boards.Board(ctx, boards.Query{TeamID: n.TeamID, Period: period, Basis: basis})
			if err != nil {
				t.Fatal(err)
			}
			var row struct {
				TargetMinor         *int64
				WonMinor            int64
				ExpectedMinor       int64
				P50Minor            int64
				ProbabilityOfTarget *float64
				OpenDeals           int
			}
			err = gdb.Raw(`SELECT target_minor, won_minor, expected_minor, p50_minor, probability_of_target, open_deals FROM scope_snapshots
				WHERE day = ? AND team_id IS NOT DISTINCT FROM ?::uuid AND period = ? AND basis = ?`,
				deals.Day(now), n.TeamID, period.Name, basis).Scan(&row).Error
			if err != nil {
				t.Fatal(err)
			}
			scope := "company"
			if n.TeamID != nil {
				scope = n.Name
			}
			if row.OpenDeals != len(b.Deals) || row.WonMinor != b.WonMinor || row.ExpectedMinor != b.ExpectedMinor || row.P50Minor != b.P50Minor {
				t.Errorf("%s %s: snapshot open %d won %d expected %d p50 %d; board %d, %d, %d, %d", scope, basis,
					row.OpenDeals, row.WonMinor, row.ExpectedMinor, row.P50Minor, len(b.Deals), b.WonMinor, b.ExpectedMinor, b.P50Minor)
			}
			if (row.ProbabilityOfTarget == nil) != (b.ProbabilityOfTarget == nil) ||
				(b.ProbabilityOfTarget != nil && math.Abs(*row.ProbabilityOfTarget-*b.ProbabilityOfTarget) > 1e-9) {
				t.Errorf("%s %s: probability of target %v, board %v", scope, basis, deref(row.ProbabilityOfTarget), deref(b.ProbabilityOfTarget))
			}
			if b.TargetMinor != nil {
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no scope with a target: the test checked no probability")
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestSnapshotTakenOnceByTwoInstances: two app instances (each its own pool and
// services) starting at the same moment store exactly one set of rows — through the
// daily job's lock, and through the day's key alone (summit snapshot takes no lock) — and
// running again changes nothing.
func TestSnapshotTakenOnceByTwoInstances(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		run  func(ctx context.Context, db *gorm.DB, s repository.Services) (took bool, err error)
	}{
		{"daily job under its lock", func(ctx context.Context, db *gorm.DB, s repository.Services) (bool, error) {
			_, taken, _, err := repository.RunDailyJob(ctx, db, s.Forecasts, s.History, time.Now().UTC())
			return len(taken) == 1, err
		}},
		{"summit snapshot, the day's key alone", func(ctx context.Context, _ *gorm.DB, s repository.Services) (bool, error) {
			taken, err := s.History.Take(ctx, time.Now().UTC())
			return !taken.Already, err
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			first, _, url := demoWorld(t)
			var dbs [2]*gorm.DB
			var svcs [2]repository.Services
			for i := range 2 {
				dbs[i] = openOn(t, url)
				svcs[i] = repository.NewServices(dbs[i], targets.Settings{FiscalYearStartMonth: 1})
			}
			var wg sync.WaitGroup
			start := make(chan struct{})
			took, errs := make([]bool, 2), make([]error, 2)
			for i := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					took[i], errs[i] = tc.run(ctx, dbs[i], svcs[i])
				}()
			}
			close(start)
			wg.Wait()
			if err := errors.Join(errs...); err != nil {
				t.Fatal(err)
			}
			if took[0] == took[1] {
				t.Fatalf("instances took the day: %v, %v; want exactly one", took[0], took[1])
			}
			once := countSnapshots(t, first)
			var open int64
			first.Raw("SELECT count(*) FROM deals WHERE status = 'open'").Scan(&open)
			if once.Days != 1 || once.Deals != open || once.Scopes == 0 {
				t.Fatalf("stored %+v, want one day with the %d open deals and its scopes", once, open)
			}
			again, err := tc.run(ctx, dbs[0], svcs[0])
			if err != nil || again {
				t.Fatalf("a second run took the day again (%v, %v)", again, err)
			}
			if c := countSnapshots(t, first); c != once {
				t.Errorf("after a second run %+v, want %+v", c, once)
			}
		})
	}
}

// TestSnapshotCatchesUpAndPrunes: a start after missed days takes them (the engine as of
// each over today's data) and today, at most history.CatchUpDays of them; RollUp again
// leaves the same rows; the retention rule keeps the last 120 days and Mondays before,
// and the demo's simulated days.
func TestSnapshotCatchesUpAndPrunes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb, svc, _ := demoWorld(t)
	today := deals.Day(time.Now().UTC())
	days := func() []string {
		var ds []string
		gdb.Raw("SELECT to_char(day, 'YYYY-MM-DD') FROM forecast_snapshots ORDER BY day").Scan(&ds)
		return ds
	}
	name := func(d time.Time) string { return d.Format(deals.DateLayout) }

	// Last snapshot three days ago: the two days missed and today are taken.
	if tk, err := svc.History.Take(ctx, today.AddDate(0, 0, -3)); err != nil || !tk.Recomputed || tk.Deals == 0 {
		t.Fatalf("past day: %+v, %v", tk, err)
	}
	taken, err := svc.History.CatchUp(ctx)
	if err != nil || len(taken) != 3 {
		t.Fatalf("catch-up took %d days (%v), want 3", len(taken), err)
	}
	want := []string{name(today.AddDate(0, 0, -3)), name(today.AddDate(0, 0, -2)), name(today.AddDate(0, 0, -1)), name(today)}
	if got := days(); !equalStrings(got, want) {
		t.Fatalf("days %v, want %v", got, want)
	}

	// RollUp again (as the demo does for its simulated days): the same rows.
	var before []string
	gdb.Raw("SELECT row(s.*)::text FROM scope_snapshots s WHERE day = ? ORDER BY 1", today).Scan(&before)
	if err := svc.History.RollUp(ctx, today); err != nil {
		t.Fatal(err)
	}
	var after []string
	gdb.Raw("SELECT row(s.*)::text FROM scope_snapshots s WHERE day = ? ORDER BY 1", today).Scan(&after)
	if len(before) == 0 || !equalStrings(before, after) {
		t.Fatalf("RollUp again: %d rows, then %d (or different)", len(before), len(after))
	}

	// Thirty days missed: only the newest CatchUpDays are taken.
	if err := gdb.Exec("DELETE FROM forecast_snapshots").Error; err != nil {
		t.Fatal(err)
	}
	if err := gdb.Exec("INSERT INTO forecast_snapshots (day) VALUES (?)", today.AddDate(0, 0, -30)).Error; err != nil {
		t.Fatal(err)
	}
	if taken, err = svc.History.CatchUp(ctx); err != nil || len(taken) != 7 || !taken[0].Day.Equal(today.AddDate(0, 0, -6)) {
		t.Fatalf("after 30 days missed took %d days (%v), want the last 7", len(taken), err)
	}

	// Retention: 300 days of rows; kept are the last 120 days, Mondays before, simulated ones.
	if err := gdb.Exec("DELETE FROM forecast_snapshots").Error; err != nil {
		t.Fatal(err)
	}
	err = gdb.Exec(`INSERT INTO forecast_snapshots (day, simulated)
		SELECT ?::date - g, g % 50 = 7 FROM generate_series(0, 299) g`, today).Error
	if err != nil {
		t.Fatal(err)
	}
	pruned, err := svc.History.Prune(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var wrong []string
	gdb.Raw(`SELECT to_char(g::date, 'YYYY-MM-DD') FROM generate_series(?::date - 299, ?::date, '1 day') g
		LEFT JOIN forecast_snapshots f ON f.day = g::date
		WHERE (f.day IS NOT NULL) <> (g::date >= ?::date - 120 OR extract(isodow FROM g) = 1 OR (?::date - g::date) % 50 = 7)`,
		today, today, today, today).Scan(&wrong)
	if len(wrong) > 0 || pruned == 0 {
		t.Errorf("pruned %d; days kept or deleted against the rule: %v", pruned, wrong)
	}
}

// TestSnapshotOfAPastDate: summit snapshot --date D runs the engine as of D over today's
// data (equal to a fresh engine run as of D), stores the periods of D's window, and a
// future day is refused on date.
func TestSnapshotOfAPastDate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb, svc, _ := demoWorld(t)
	today := deals.Day(time.Now().UTC())
	day := today.AddDate(0, 0, -40)
	tk, err := svc.History.Take(ctx, day)
	if err != nil || !tk.Recomputed || tk.Already || tk.Deals == 0 {
		t.Fatalf("take %s: %+v, %v", day, tk, err)
	}
	var rows []struct {
		DealID  string
		PWin    float64
		Periods string
	}
	gdb.Raw("SELECT deal_id, p_win, periods::text AS periods FROM deal_snapshots WHERE day = ? ORDER BY deal_id LIMIT 5", day).Scan(&rows)
	period := forecasts.CurrentQuarter(day, 1)
	for _, r := range rows {
		c, err := svc.Forecasts.Confidence(ctx, r.DealID, period, day)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(c.Result.PWin-r.PWin) > 1e-12 {
			t.Errorf("deal %s: snapshot p_win %v, the engine as of %s %v", r.DealID, r.PWin, day.Format(deals.DateLayout), c.Result.PWin)
		}
	}
	var keys int
	gdb.Raw("SELECT count(*) FROM jsonb_object_keys((SELECT periods FROM deal_snapshots WHERE day = ? LIMIT 1))", day).Scan(&keys)
	if keys != len(forecasts.Window(day, 1)) {
		t.Errorf("%d periods stored, want the %d of the day's window", keys, len(forecasts.Window(day, 1)))
	}
	_, err = svc.History.Take(ctx, today.AddDate(0, 0, 1))
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.Violations[0].Field != "date" {
		t.Errorf("tomorrow: %v, want invalid on date", err)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
