package repository_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"

	"summit/domain/boards"
	"summit/domain/deals"
	"summit/domain/targets"
	"summit/repository"
	"summit/repository/dbtest"
)

// countStatements counts the statements db sends from now on.
func countStatements(t *testing.T, db *gorm.DB) *atomic.Int64 {
	t.Helper()
	var n atomic.Int64
	count := func(*gorm.DB) { n.Add(1) }
	cb := db.Callback()
	for _, err := range []error{
		cb.Query().After("gorm:query").Register("count_cache", count),
		cb.Row().After("gorm:row").Register("count_cache", count),
		cb.Raw().After("gorm:raw").Register("count_cache", count),
		cb.Create().After("gorm:create").Register("count_cache", count),
		cb.Update().After("gorm:update").Register("count_cache", count),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return &n
}

// The board cache (docs/board.md, "Freshness") on a real database: a change shows once
// the cached board is SUMMIT_BOARD_CACHE_TTL old, sixteen people opening the board at
// once cost one build, another basis or another caller's visibility is another board,
// and the deals held stay under the bound.
func TestBoardCache(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := dbtest.New(t)
	services := repository.NewServices(db, targets.Settings{FiscalYearStartMonth: 4})
	period, err := services.Forecasts.CurrentQuarter(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const open = 20
	seedBoardWorld(t, db, period, open)
	statements := countStatements(t, db)
	company := boards.Query{Period: period, Basis: boards.BasisModel}
	var clock atomic.Int64 // seconds after the start
	start := time.Now()
	newService := func(maxDeals int) *boards.Service {
		s := *services.Boards
		s.Cache = &boards.Cache{TTL: 10 * time.Second, MaxWeight: maxDeals, Weight: boards.BoardWeight,
			Now: func() time.Time { return start.Add(time.Duration(clock.Load()) * time.Second) }}
		return &s
	}
	board := func(t *testing.T, s *boards.Service, q boards.Query) boards.Board {
		t.Helper()
		b, err := s.Board(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// One build's statements, without a cache.
	before := statements.Load()
	fresh := board(t, services.Boards, company)
	perBuild := statements.Load() - before

	t.Run("a change shows once the board is TTL old", func(t *testing.T) {
		clock.Store(0)
		s := newService(0)
		first := board(t, s, company)
		if err := db.Exec(`UPDATE deals SET amount_minor = amount_minor * 2 WHERE status = 'open'`).Error; err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Exec(`UPDATE deals SET amount_minor = amount_minor / 2 WHERE status = 'open'`) })
		clock.Store(4)
		if got := board(t, s, company); got.ExpectedMinor != first.ExpectedMinor {
			t.Errorf("4 s later: expected %d, want the cached %d", got.ExpectedMinor, first.ExpectedMinor)
		}
		clock.Store(10)
		if got := board(t, s, company); got.ExpectedMinor <= first.ExpectedMinor || got.WonMinor != first.WonMinor {
			t.Errorf("10 s later: expected %d, want the doubled open deals over %d", got.ExpectedMinor, first.ExpectedMinor)
		}
	})

	t.Run("sixteen at once cost one build", func(t *testing.T) {
		clock.Store(0)
		s := newService(0)
		before := statements.Load()
		var wg sync.WaitGroup
		got := make([]boards.Board, 16)
		for i := range got {
			wg.Go(func() { got[i] = board(t, s, company) })
		}
		wg.Wait()
		if n := statements.Load() - before; n != perBuild {
			t.Errorf("%d statements for 16 boards, one build is %d", n, perBuild)
		}
		for i, b := range got {
			if len(b.Deals) != open || b.ExpectedMinor != fresh.ExpectedMinor || *b.ProbabilityOfTarget != *fresh.ProbabilityOfTarget {
				t.Errorf("board %d: %d deals, expected %d p %v; want %d, %v", i, len(b.Deals), b.ExpectedMinor, *b.ProbabilityOfTarget,
					fresh.ExpectedMinor, *fresh.ProbabilityOfTarget)
			}
		}
	})

	t.Run("another basis or caller's visibility is another board", func(t *testing.T) {
		clock.Store(0)
		s := newService(0)
		var team string
		if err := db.Raw(`SELECT id FROM teams WHERE name = 'Region 1'`).Scan(&team).Error; err != nil {
			t.Fatal(err)
		}
		member := company
		member.Visible = &deals.Visibility{TeamIDs: []string{team}, UserID: "00000000-0000-0000-0000-000000000001"}
		judgement := company
		judgement.Basis = boards.BasisJudgement
		all := board(t, s, company)
		before := statements.Load()
		if b := board(t, s, member); len(b.Deals) == 0 || len(b.Deals) >= len(all.Deals) {
			t.Errorf("the member's board has %d of %d deals", len(b.Deals), len(all.Deals))
		}
		if b := board(t, s, judgement); b.Basis != boards.BasisJudgement {
			t.Errorf("basis %s", b.Basis)
		}
		if n := statements.Load() - before; n != 2*perBuild {
			t.Errorf("%d statements, want two builds of %d", n, perBuild)
		}
	})

	t.Run("the deals held stay under the bound", func(t *testing.T) {
		clock.Store(0)
		s := newService(open + open/2) // room for one company board, not two
		judgement := company
		judgement.Basis = boards.BasisJudgement
		board(t, s, company)
		board(t, s, judgement) // lets the company's go
		before := statements.Load()
		board(t, s, judgement)
		if n := statements.Load() - before; n != 0 {
			t.Errorf("the board just kept cost %d statements", n)
		}
		board(t, s, company)
		if n := statements.Load() - before; n != perBuild {
			t.Errorf("the board let go cost %d statements, want a build of %d", n, perBuild)
		}
	})
}
