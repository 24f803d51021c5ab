package repository_test

import (
	"context"
	"reflect"
	"testing"

	"summit/repository"
	"summit/repository/dbtest"
)

// TestConfidenceInputsOfOneDealComeInOneStatement: one deal's engine inputs (what a change
// recomputing its figures reads) come in one statement and equal what the batch read of
// the daily job gives for it, for every demo deal; and every row that feeds the engine
// reaches it: milestones with their dependencies and latest-baseline dates, stakeholders
// with their milestone links, retrospectives, their actions and gate decisions.
func TestConfidenceInputsOfOneDealComeInOneStatement(t *testing.T) {
	t.Parallel()
	gdb, _ := dbtest.New(t)
	ctx := context.Background()
	if err := repository.EnsureBuiltinTemplates(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	if _, err := repository.SeedDemo(ctx, gdb); err != nil {
		t.Fatal(err)
	}
	var ids []string
	if err := gdb.Raw("SELECT id FROM deals ORDER BY id").Scan(&ids).Error; err != nil || len(ids) == 0 {
		t.Fatalf("demo deals: %v %v", ids, err)
	}
	// The demo records no gate decision: two on gates of different deals.
	err := gdb.Exec(`INSERT INTO gate_decisions (deal_id, milestone_id, decision, decided_on, rationale)
		SELECT DISTINCT ON (deal_id) deal_id, id, 'go', planned_due, 'test' FROM milestones WHERE gate
		ORDER BY deal_id, sequence LIMIT 2`).Error
	if err != nil {
		t.Fatal(err)
	}
	store := repository.NewForecasts(gdb)
	batch, err := store.Inputs(ctx, ids) // a batch, as the daily job reads it
	if err != nil {
		t.Fatal(err)
	}
	inputs := batch.Deals
	if batch.FiscalYearStartMonth != 0 {
		t.Errorf("a batch came with fiscal year start month %d; only one deal's inputs carry it", batch.FiscalYearStartMonth)
	}
	const fiscalYearStart = 4 // April, as an organisation whose year is not the calendar's
	err = gdb.Exec(`INSERT INTO settings (reporting_currency, fiscal_year_start_month) VALUES ('CNY', ?)
		ON CONFLICT (id) DO UPDATE SET fiscal_year_start_month = EXCLUDED.fiscal_year_start_month`, fiscalYearStart).Error
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) != len(ids) {
		t.Fatalf("inputs of %d deals, want %d", len(inputs), len(ids))
	}
	// One deal, as a change recomputing its figures reads it: one statement, the same input,
	// and the fiscal year that names the periods of its figures.
	for i, id := range ids {
		counted, read := repository.CountStatements(ctx)
		one, err := store.Inputs(counted, []string{id})
		if err != nil {
			t.Fatal(err)
		}
		if n := read(); n != 1 {
			t.Errorf("the inputs of deal %s took %d statements, want 1", id, n)
		}
		if len(one.Deals) != 1 || !reflect.DeepEqual(one.Deals[0], inputs[i]) {
			t.Errorf("deal %s alone:\n%+v\nin the batch:\n%+v", id, one.Deals, inputs[i])
		}
		if one.FiscalYearStartMonth != fiscalYearStart {
			t.Errorf("deal %s alone came with fiscal year start month %d, want %d", id, one.FiscalYearStartMonth, fiscalYearStart)
		}
	}
	got := map[string]int64{}
	for i, in := range inputs {
		if in.DealID != ids[i] {
			t.Fatalf("input %d is deal %s, want %s (id order)", i, in.DealID, ids[i])
		}
		for _, m := range in.Input.Milestones {
			got["milestones"]++
			got["dependencies"] += int64(len(m.DependsOn))
			if !m.BaselineDue.IsZero() {
				got["baseline dates"]++
			}
			if !m.CompletedOn.IsZero() {
				got["completed"]++
			}
		}
		for _, s := range in.Input.Stakeholders {
			got["stakeholders"]++
			got["stakeholder milestones"] += int64(len(s.MilestoneIDs))
			if !s.NextStepDue.IsZero() {
				got["next steps due"]++
			}
		}
		got["retrospectives"] += int64(len(in.Input.Retrospectives))
		got["actions"] += int64(len(in.Input.Actions))
		got["gate decisions"] += int64(len(in.Input.GateDecisions))
	}
	tests := []struct{ name, sql string }{
		{"milestones", "SELECT count(*) FROM milestones"},
		{"dependencies", "SELECT count(*) FROM milestone_dependencies"},
		{"baseline dates", `SELECT count(*) FROM baseline_milestones bm JOIN (SELECT DISTINCT ON (deal_id) id FROM baselines
			ORDER BY deal_id, taken_at DESC, id DESC) lb ON lb.id = bm.baseline_id`},
		{"completed", "SELECT count(*) FROM milestones WHERE completed_on IS NOT NULL"},
		{"stakeholders", "SELECT count(*) FROM stakeholders"},
		{"stakeholder milestones", "SELECT count(*) FROM stakeholder_milestones"},
		{"next steps due", "SELECT count(*) FROM stakeholders WHERE next_step_due IS NOT NULL"},
		{"retrospectives", "SELECT count(*) FROM retrospectives"},
		{"actions", "SELECT count(*) FROM retrospective_actions"},
		{"gate decisions", "SELECT count(*) FROM gate_decisions"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want int64
			if err := gdb.Raw(tc.sql).Scan(&want).Error; err != nil {
				t.Fatal(err)
			}
			if got[tc.name] != want {
				t.Errorf("%d %s reach the engine, the database has %d", got[tc.name], tc.name, want)
			}
			if want == 0 {
				t.Errorf("the demo has no %s: nothing checked", tc.name)
			}
		})
	}
}
