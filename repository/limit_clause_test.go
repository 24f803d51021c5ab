package repository_test

import (
	"context"
	"testing"

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
	gdb, sqlDB := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	// One connection: its prepared statements are the ones pg_prepared_statements shows.
	sqlDB.SetMaxOpenConns(1)
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
			var stmt struct {
				Statement    string
				GenericPlans int64
				CustomPlans  int64
			}
			err := gdb.Raw(`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
				WHERE statement LIKE '%FROM "deals"%' AND statement NOT LIKE '%pg_prepared_statements%'
				ORDER BY prepare_time DESC LIMIT 1`).Scan(&stmt).Error
			if err != nil {
				t.Fatal(err)
			}
			if stmt.GenericPlans < 3 {
				t.Errorf("the page query ran %d times from its generic plan and was planned anew %d times, want the generic plan from the 6th run on:\n%s",
					stmt.GenericPlans, stmt.CustomPlans, stmt.Statement)
			}
		})
	}
}
