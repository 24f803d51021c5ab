package repository_test

import (
	"context"
	"testing"

	"summit/repository"
	"summit/repository/dbtest"
)

// TestOneDealsEngineInputsArePlannedOnce: the statement reading one deal's engine inputs,
// which every change to the engine's inputs runs, is planned once and then run from
// PostgreSQL's generic plan. With the deal's id in an array parameter PostgreSQL never
// preferred the generic plan and planned it anew on every change (3.5 ms of its CPU,
// six times what running it costs, at 10,000 deals).
func TestOneDealsEngineInputsArePlannedOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	gdb, sqlDB := dbtest.New(t)
	if _, err := repository.SeedDemo(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	// One connection: its prepared statements are the ones pg_prepared_statements shows.
	sqlDB.SetMaxOpenConns(1)
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
	var stmt struct {
		Statement    string
		GenericPlans int64
		CustomPlans  int64
	}
	err := gdb.Raw(`SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements
		WHERE statement LIKE '%AS fiscal_year_start_month%' AND statement NOT LIKE '%pg_prepared_statements%'`).Scan(&stmt).Error
	if err != nil || stmt.Statement == "" {
		t.Fatalf("the inputs statement is not among the prepared ones: %v", err)
	}
	if stmt.GenericPlans < 3 {
		t.Errorf("the inputs statement ran %d times from its generic plan and was planned anew %d times, want the generic plan from the 6th run on",
			stmt.GenericPlans, stmt.CustomPlans)
	}
}
