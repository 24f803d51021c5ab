package repository_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/deals"
	"summit/repository"
	"summit/repository/dbtest"
)

// TestPageQueriesArePlannedOnce: a deals page asked for again and again is planned once
// and then run from PostgreSQL's generic plan, not planned anew on every request (which
// cost as much PostgreSQL CPU as running it). With LIMIT a bind parameter the generic
// plan looks dearer than any custom one and is never chosen; the statements' LIMIT is a
// number in their text (inlineLimit).
func TestPageQueriesArePlannedOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb := demoOnOneConnection(t)
	store := repository.NewDeals(gdb)
	first, err := store.ListDeals(ctx, deals.DealFilter{}, domain.ListParams{Limit: 10, Sort: domain.SortOrder{Field: "name"}})
	if err != nil || first.Next == nil {
		t.Fatalf("first page: %v, next %v", err, first.Next)
	}
	tests := []struct {
		name   string
		params domain.ListParams
		filter deals.DealFilter
	}{
		{"by close date", domain.ListParams{Limit: 25, Sort: domain.SortOrder{Field: "target_close_date"}}, deals.DealFilter{}},
		{"by name, a later page", domain.ListParams{Limit: 10, Sort: domain.SortOrder{Field: "name"}, After: first.Next}, deals.DealFilter{}},
		{"by amount, descending", domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "amount_minor", Desc: true}}, deals.DealFilter{}},
		{"open key accounts", domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "target_close_date"}},
			deals.DealFilter{Status: new(deals.DealOpen), Segment: new(deals.SegmentKeyAccount)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// PostgreSQL compares the generic plan with the first five custom ones.
			for range 8 {
				if _, err := store.ListDeals(ctx, tc.filter, tc.params); err != nil {
					t.Fatal(err)
				}
			}
			stmt := newestPrepared(t, gdb, `%FROM "deals"%`)
			if stmt.GenericPlans < 3 {
				t.Errorf("the page query ran %d times from its generic plan and was planned anew %d times, want the generic plan from the 6th run on:\n%s",
					stmt.GenericPlans, stmt.CustomPlans, stmt.Statement)
			}
		})
	}
}

// TestOneDealsEngineInputsArePlannedOnce: the statement reading one deal's engine inputs,
// which every change to the engine's inputs runs, is planned once and then run from
// PostgreSQL's generic plan. With the deal's id in an array parameter PostgreSQL never
// preferred the generic plan and planned it anew on every change (3.5 ms of its CPU,
// six times what running it costs, at 10,000 deals).
func TestOneDealsEngineInputsArePlannedOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb := demoOnOneConnection(t)
	var ids []string
	if err := gdb.Raw(`SELECT id FROM deals WHERE status = 'open' ORDER BY name LIMIT 8`).Scan(&ids).Error; err != nil || len(ids) < 8 {
		t.Fatalf("demo deals: %v (%d)", err, len(ids))
	}
	store := repository.NewForecasts(gdb)
	// PostgreSQL compares the generic plan with the first five custom ones; a change reads
	// one deal at a time, a different one each time.
	for _, id := range ids {
		in, err := store.Inputs(ctx, []string{id})
		if err != nil || len(in.Deals) != 1 || len(in.Deals[0].Input.Milestones) == 0 {
			t.Fatalf("inputs of %s: %v, %+v", id, err, in)
		}
	}
	if stmt := newestPrepared(t, gdb, "%AS fiscal_year_start_month%"); stmt.GenericPlans < 3 {
		t.Errorf("the inputs statement ran %d times from its generic plan and was planned anew %d times, want the generic plan from the 6th run on",
			stmt.GenericPlans, stmt.CustomPlans)
	}
}

// demoOnOneConnection is a database with the demo data whose pool holds one connection, so
// that connection's prepared statements are the ones pg_prepared_statements shows.
func demoOnOneConnection(t *testing.T) *gorm.DB {
	t.Helper()
	gdb, sqlDB := dbtest.New(t)
	if _, err := repository.SeedDemo(context.Background(), gdb); err != nil {
		t.Fatal(err)
	}
	sqlDB.SetMaxOpenConns(1)
	return gdb
}

// preparedStatement is a row of pg_prepared_statements: how often a statement ran from its
// generic plan and how often it was planned anew.
type preparedStatement struct {
	Statement    string
	GenericPlans int64
	CustomPlans  int64
}

// newestPrepared is the connection's most recently prepared statement whose text is LIKE like.
func newestPrepared(t *testing.T, gdb *gorm.DB, like string) preparedStatement {
	t.Helper()
	var stmt preparedStatement
	err := gdb.Raw(`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
		WHERE statement LIKE ? AND statement NOT LIKE '%pg_prepared_statements%'
		ORDER BY prepare_time DESC LIMIT 1`, like).Scan(&stmt).Error
	if err != nil || stmt.Statement == "" {
		t.Fatalf("no prepared statement like %q: %v", like, err)
	}
	return stmt
}
