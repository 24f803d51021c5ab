package repository_test

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"summit/domain/deals"

	"summit/domain/boards"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// BenchmarkBoard is the company's board of the current quarter over n open deals stored
// straight in SQL: four teams under one root, odd amounts (a fifth of them in US
// dollars), each deal with a six-step plan (three gates, a baseline), two stakeholders
// linked to its first gate and its stored confidence; 200 won deals; targets for every
// node. One op is the whole board: every query, the roll-up with every if-won / if-lost,
// the four team rows, the focus list and the levels.
func BenchmarkBoard(b *testing.B) {
	for _, n := range []int{1_000, 2_000, 10_000} {
		b.Run(fmt.Sprintf("open_deals_%d", n), func(b *testing.B) {
			ctx := context.Background()
			db, _ := dbtest.New(b)
			defaults := targets.Settings{FiscalYearStartMonth: 4}
			services := repository.NewServices(db, defaults)
			period, err := services.Forecasts.CurrentQuarter(ctx)
			if err != nil {
				b.Fatal(err)
			}
			seedBoardWorld(b, db, period, n)
			if testing.Verbose() {
				st := repository.NewBoards(db)
				f := boards.Filter{Period: period, GatesFrom: period.From, GatesTo: period.To}
				for name, fn := range map[string]func() error{
					"open":   func() error { _, err := st.OpenDeals(ctx, f); return err },
					"won":    func() error { _, err := st.WonDeals(ctx, f); return err },
					"gates":  func() error { _, err := st.Gates(ctx, f); return err },
					"levels": func() error { _, err := st.Levels(ctx, f); return err },
				} {
					start := time.Now()
					if err := fn(); err != nil {
						b.Fatal(err)
					}
					b.Logf("%s: %v", name, time.Since(start))
				}
			}
			var board boards.Board
			b.ResetTimer()
			cpu := processCPU()
			for b.Loop() {
				if board, err = services.Boards.Board(ctx, boards.Query{Period: period, Basis: boards.BasisModel}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((processCPU()-cpu).Microseconds())/1000/float64(b.N), "go-cpu-ms/op")
			b.StopTimer()
			if len(board.Deals) != n || len(board.Teams) != 1 || board.ProbabilityOfTarget == nil || len(board.Focus) == 0 {
				b.Fatalf("board: %d deals, %d teams, focus %d", len(board.Deals), len(board.Teams), len(board.Focus))
			}
			b.ReportMetric(*board.ProbabilityOfTarget, "p_target")
		})
	}
}

// BenchmarkBoardCached is the company's board over 10,000 open deals through the board
// cache (boards.Cache), asked by 16 goroutines at once after the one build: every board
// answered from the cache (the handler still encodes its page).
func BenchmarkBoardCached(b *testing.B) {
	ctx := context.Background()
	db, _ := dbtest.New(b)
	services := repository.NewServices(db, targets.Settings{FiscalYearStartMonth: 4})
	period, err := services.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		b.Fatal(err)
	}
	seedBoardWorld(b, db, period, 10_000)
	services.Boards.Cache = boards.NewCache(time.Minute)
	q := boards.Query{Period: period, Basis: boards.BasisModel}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	if _, err := services.Boards.Board(ctx, q); err != nil { // the one build
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	held := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / 1e6 // what the cache keeps

	b.SetParallelism(8) // 16 goroutines on 2 cores
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if board, err := services.Boards.Board(ctx, q); err != nil || len(board.Deals) != 10_000 {
				b.Errorf("board of %d deals: %v", len(board.Deals), err)
				return
			}
		}
	})
	b.ReportMetric(held, "held-MB")
}

// processCPU is the CPU time (user and system) this process has used: the Go side of a
// board, PostgreSQL's share excluded.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// seedBoardWorld stores the benchmark's board: n open deals and 200 won ones in SQL.
func seedBoardWorld(tb testing.TB, db *gorm.DB, period deals.Period, n int) {
	tb.Helper()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO teams (name) VALUES ('Sales')`, nil},
		{`INSERT INTO teams (name, parent_id) SELECT 'Region ' || g, (SELECT id FROM teams WHERE name = 'Sales') FROM generate_series(1, 4) g`, nil},
		{`INSERT INTO customers (name, kind) VALUES ('Customer', 'government')`, nil},
		{`INSERT INTO deals (name, customer_id, segment, team_id, amount_minor, currency, target_close_date, status)
			SELECT 'Deal ' || g, (SELECT id FROM customers), 'g2b',
				(SELECT id FROM teams WHERE name = 'Region ' || (1 + g % 4)),
				100000 + abs(hashtext('a' || g)) % 90000000, CASE WHEN g % 5 = 0 THEN 'USD' ELSE 'CNY' END,
				?::date + (g % 80), CASE WHEN g <= 200 THEN 'won' ELSE 'open' END
			FROM generate_series(1, ? + 200) g`, []any{period.From, n}},
		{`INSERT INTO milestones (deal_id, sequence, key, name, owner_role, gate, planned_start, planned_due, status, completed_on)
			SELECT d.id, s, CASE WHEN s = 6 THEN 'contract_signed' ELSE 'step_' || s END, 'Step ' || s, 'pmo', s % 2 = 0,
				?::date + s * 12, ?::date + s * 12 + 10, CASE WHEN s <= abs(hashtext(d.id::text)) % 4 OR d.status = 'won' THEN 'done' ELSE 'planned' END,
				CASE WHEN s <= abs(hashtext(d.id::text)) % 4 OR d.status = 'won' THEN ?::date + s * 12 + 10 END
			FROM deals d, generate_series(1, 6) s`, []any{period.From, period.From, period.From}},
		{`INSERT INTO baselines (deal_id, name) SELECT id, 'Kick-off' FROM deals`, nil},
		{`INSERT INTO baseline_milestones (baseline_id, milestone_id, planned_start, planned_due)
			SELECT b.id, m.id, m.planned_start - 5, m.planned_due - 5 FROM milestones m JOIN baselines b ON b.deal_id = m.deal_id`, nil},
		{`INSERT INTO contacts (customer_id, name) SELECT (SELECT id FROM customers), 'Person ' || g FROM generate_series(1, 2) g`, nil},
		{`INSERT INTO stakeholders (deal_id, contact_id, decision_role, influence, stance, last_contact_on, next_step, next_step_due)
			SELECT d.id, c.id, 'decision_maker', 3, 'neutral', ?::date + 5, 'Call', ?::date + 20 FROM deals d CROSS JOIN contacts c`,
			[]any{period.From, period.From}},
		{`INSERT INTO stakeholder_milestones (stakeholder_id, milestone_id)
			SELECT s.id, m.id FROM stakeholders s JOIN milestones m ON m.deal_id = s.deal_id AND m.sequence = 4`, nil},
		{`INSERT INTO deal_forecasts (deal_id, period, period_from, period_to, p_in_period, confidence)
			SELECT id, ?, ?, ?, (abs(hashtext(id::text)) % 1000) / 1000.0, (abs(hashtext(id::text)) % 1000) / 1000.0 FROM deals`,
			[]any{period.Name, period.From, period.To}},
		{`INSERT INTO settings (reporting_currency, fiscal_year_start_month) VALUES ('CNY', 4) ON CONFLICT DO NOTHING`, nil},
		{`INSERT INTO fx_rates (period, currency, rate) VALUES (?, 'USD', 7.12)`, []any{period.Name}},
		{`INSERT INTO targets (period, team_id, amount_minor, currency)
			SELECT ?, id, 500000000 * ?::bigint / 1000, 'CNY' FROM teams UNION ALL SELECT ?, NULL, 20000000000 + 50000000 * ?::bigint, 'CNY'`,
			[]any{period.Name, n, period.Name, n}},
		{`ANALYZE`, nil},
	} {
		if err := db.Exec(q.sql, q.args...).Error; err != nil {
			tb.Fatalf("%s: %v", q.sql, err)
		}
	}
}

// TestBoardQueriesDoNotGrowWithTheDeals builds the board over 20 and over 400 open deals
// and counts the statements it sends: the same number (no query per deal).
func TestBoardQueriesDoNotGrowWithTheDeals(t *testing.T) {
	t.Parallel()
	counts := map[int]int{}
	for _, n := range []int{20, 400} {
		ctx := context.Background()
		db, _ := dbtest.New(t)
		services := repository.NewServices(db, targets.Settings{FiscalYearStartMonth: 4})
		period, err := services.Forecasts.CurrentQuarter(ctx)
		if err != nil {
			t.Fatal(err)
		}
		seedBoardWorld(t, db, period, n)
		statements := 0
		count := func(*gorm.DB) { statements++ }
		cb := db.Callback()
		for _, err := range []error{
			cb.Query().After("gorm:query").Register("count_board", count),
			cb.Row().After("gorm:row").Register("count_board", count),
			cb.Raw().After("gorm:raw").Register("count_board", count),
		} {
			if err != nil {
				t.Fatal(err)
			}
		}
		b, err := services.Boards.Board(ctx, boards.Query{Period: period, Basis: boards.BasisModel})
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Deals) != n || len(b.Focus) == 0 {
			t.Fatalf("%d deals: board of %d deals, focus %d", n, len(b.Deals), len(b.Focus))
		}
		counts[n] = statements
	}
	if counts[20] != counts[400] || counts[20] > 16 {
		t.Errorf("statements: %v, want the same few whatever the deals", counts)
	}
	t.Logf("statements per board: %v", counts)
}
