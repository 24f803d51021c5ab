package repository_test

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"summit/domain"
	"summit/domain/deals"
)

func TestStaleUpdateMilestoneChangesNothing(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("g2b")
	actor := deals.Actor{UserID: u.ID}
	plan := f.plan(d.ID)
	bid := plan[5] // bid_decision, after 3 and 4

	name, zh, weight := "Bid decision (board)", "投标决策（董事会）", 7
	deps := []string{plan[3].ID}
	due := bid.PlannedDue.AddDate(0, 0, 7)
	updated, err := f.svc.UpdateMilestone(f.ctx, actor, bid.ID, bid.Version, deals.MilestonePatch{
		Name: &name, NameZh: &zh, Weight: &weight, DependsOn: &deps, PlannedDue: &due, AssigneeID: &u.ID})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Version != bid.Version+1 || updated.Name != name || updated.NameZh != zh || updated.Weight != weight ||
		!slices.Equal(updated.DependsOn, deps) || !updated.PlannedDue.Equal(due) || updated.AssigneeID == nil || *updated.AssigneeID != u.ID ||
		updated.Sequence != bid.Sequence || updated.Key != bid.Key {
		t.Fatalf("updated = %+v", updated)
	}

	other := "Somebody else's name"
	tests := []struct {
		name    string
		version int
	}{
		{"the version before", bid.Version},
		{"a version not reached", updated.Version + 1},
	}
	for _, tc := range tests {
		_, err := f.svc.UpdateMilestone(f.ctx, actor, bid.ID, tc.version, deals.MilestonePatch{Name: &other, DependsOn: &[]string{}})
		if !errors.Is(err, domain.ErrStaleVersion) {
			t.Fatalf("%s: got %v, want ErrStaleVersion", tc.name, err)
		}
		m := tc.version // direct to the store too, with every field changed
		changed := updated
		changed.Name, changed.DependsOn, changed.Status = other, nil, deals.StatusSkipped
		if _, err := f.store.UpdateMilestone(f.ctx, changed, m, true, deals.Activity{DealID: d.ID, Action: "milestone.updated", EntityType: "milestone"}); !errors.Is(err, domain.ErrStaleVersion) {
			t.Fatalf("%s (store): got %v, want ErrStaleVersion", tc.name, err)
		}
	}
	got, err := f.store.Milestone(f.ctx, bid.ID)
	if err != nil || got.Name != name || got.Version != updated.Version || !slices.Equal(got.DependsOn, deps) || got.Status != deals.StatusPlanned {
		t.Fatalf("after stale updates: %+v, %v", got, err)
	}
	if n := len(f.activity(d.ID)); n != 2 {
		t.Fatalf("activity has %d rows, want 2 (created, one update)", n)
	}

	// Completing a milestone stores completed_on as a date.
	done, err := f.svc.UpdateMilestone(f.ctx, actor, plan[0].ID, plan[0].Version, deals.MilestonePatch{Status: &deals.StatusChange{To: deals.StatusDone}})
	if err != nil || done.CompletedOn == nil || !done.CompletedOn.Equal(planStart) || done.Status != deals.StatusDone {
		t.Fatalf("done = %+v, %v", done, err)
	}
}

func TestApplyMovesIsAllOrNothing(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("key_account")
	plan := f.plan(d.ID)
	moves := make([]deals.VersionedMove, 0, 3)
	for _, m := range plan[:3] {
		moves = append(moves, deals.VersionedMove{Version: m.Version, Move: deals.Move{MilestoneID: m.ID, Name: m.Name,
			FromStart: m.PlannedStart, FromDue: m.PlannedDue, ToStart: m.PlannedStart.AddDate(0, 0, 7), ToDue: m.PlannedDue.AddDate(0, 0, 7)}})
	}
	act := deals.Activity{DealID: d.ID, ActorID: &u.ID, Action: "plan.rescheduled", EntityType: "milestone", EntityID: &plan[0].ID}

	stale := slices.Clone(moves)
	stale[2].Version++ // the last one moved on meanwhile
	if err := f.store.ApplyMoves(f.ctx, d.ID, stale, act); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale move: got %v, want ErrStaleVersion", err)
	}
	for i, m := range f.plan(d.ID) {
		if !m.PlannedStart.Equal(plan[i].PlannedStart) || !m.PlannedDue.Equal(plan[i].PlannedDue) || m.Version != plan[i].Version {
			t.Fatalf("milestone %d changed by a rolled-back move: %+v", i, m)
		}
	}
	if n := len(f.activity(d.ID)); n != 1 {
		t.Fatalf("activity has %d rows after a rolled-back move, want 1", n)
	}

	if err := f.store.ApplyMoves(f.ctx, d.ID, moves, act); err != nil {
		t.Fatal(err)
	}
	after := f.plan(d.ID)
	for i, m := range after {
		moved := i < 3
		wantStart, wantVersion := plan[i].PlannedStart, plan[i].Version
		if moved {
			wantStart, wantVersion = moves[i].ToStart, plan[i].Version+1
		}
		if !m.PlannedStart.Equal(wantStart) || m.Version != wantVersion {
			t.Fatalf("milestone %d = %v v%d, want %v v%d", i, m.PlannedStart, m.Version, wantStart, wantVersion)
		}
	}
	trail := f.activity(d.ID)
	if len(trail) != 2 || trail[0].Action != "plan.rescheduled" || trail[0].EntityID == nil || *trail[0].EntityID != plan[0].ID {
		t.Fatalf("activity = %+v", trail)
	}

	// Through the service: the moved milestone and its dependents, at their versions.
	start, due := after[0].PlannedStart.AddDate(0, 0, 14), after[0].PlannedDue.AddDate(0, 0, 14)
	applied, err := f.svc.ApplyReschedule(f.ctx, deals.Actor{UserID: u.ID}, after[0].ID, after[0].Version, start, due)
	if err != nil || len(applied) < 2 {
		t.Fatalf("ApplyReschedule = %d moves, %v", len(applied), err)
	}
	final := f.plan(d.ID)
	for _, mv := range applied {
		i := slices.IndexFunc(final, func(m deals.Milestone) bool { return m.ID == mv.MilestoneID })
		if !final[i].PlannedStart.Equal(mv.ToStart) || !final[i].PlannedDue.Equal(mv.ToDue) || final[i].Version != mv.Version+1 {
			t.Fatalf("milestone %s = %+v, move %+v", final[i].Name, final[i], mv)
		}
	}
	if err := deals.CheckDependencies(final); err != nil {
		t.Fatal(err)
	}
}

func TestDeleteMilestoneAndReorderKeepSequencesDense(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("key_account")
	actor := deals.Actor{UserID: u.ID}
	plan := f.plan(d.ID)
	victim := plan[4] // poc: procurement (6) depends on it and on 5

	if err := f.svc.DeleteMilestone(f.ctx, actor, victim.ID, victim.Version+1); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale delete: got %v, want ErrStaleVersion", err)
	}
	if len(f.plan(d.ID)) != len(plan) {
		t.Fatal("a stale delete removed the milestone")
	}
	if err := f.svc.DeleteMilestone(f.ctx, actor, victim.ID, victim.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.store.Milestone(f.ctx, victim.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("deleted milestone: %v", err)
	}
	after := f.plan(d.ID)
	if len(after) != len(plan)-1 {
		t.Fatalf("plan has %d milestones, want %d", len(after), len(plan)-1)
	}
	for i, m := range after {
		if m.Sequence != i+1 {
			t.Fatalf("milestone %s has sequence %d, want %d", m.Name, m.Sequence, i+1)
		}
		if slices.Contains(m.DependsOn, victim.ID) {
			t.Fatalf("%s still depends on the deleted milestone", m.Name)
		}
	}
	if procurement := after[5]; !slices.Equal(procurement.DependsOn, []string{plan[5].ID}) {
		t.Fatalf("procurement depends on %v, want [%s]", procurement.DependsOn, plan[5].ID)
	}

	// Reorder: reverse the plan; the deal's version moves on.
	ids := make([]string, 0, len(after))
	for i := len(after) - 1; i >= 0; i-- {
		ids = append(ids, after[i].ID)
	}
	before, _ := f.store.Deal(f.ctx, d.ID)
	if err := f.svc.Reorder(f.ctx, actor, d.ID, ids); err != nil {
		t.Fatal(err)
	}
	reordered := f.plan(d.ID)
	for i, m := range reordered {
		if m.ID != ids[i] || m.Sequence != i+1 || m.Version != after[len(after)-1-i].Version {
			t.Fatalf("position %d: %s seq %d v%d", i, m.Name, m.Sequence, m.Version)
		}
	}
	if got, _ := f.store.Deal(f.ctx, d.ID); got.Version != before.Version+1 {
		t.Fatalf("deal version %d after reorder, want %d", got.Version, before.Version+1)
	}
	if err := f.store.Reorder(f.ctx, d.ID, ids[1:], deals.Activity{DealID: d.ID, Action: "plan.reordered", EntityType: "deal"}); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("reorder missing a milestone: %v", err)
	}

	// A new milestone by hand goes last, with its dependencies.
	m, err := f.svc.CreateMilestone(f.ctx, actor, d.ID, deals.MilestoneInput{Name: "Kick-off dinner", OwnerRole: deals.RoleBusiness, Weight: 1,
		PlannedStart: planStart.AddDate(0, 2, 0), PlannedDue: planStart.AddDate(0, 2, 1), DependsOn: []string{ids[0], ids[1]}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Sequence != len(ids)+1 || m.Version != 1 || m.Key != "" || len(m.DependsOn) != 2 || m.BaselineDue != nil {
		t.Fatalf("created milestone = %+v", m)
	}
	trail := f.activity(d.ID)
	wantActions := []string{"milestone.created", "plan.reordered", "milestone.deleted", "deal.created"}
	for i, want := range wantActions {
		if trail[i].Action != want {
			t.Fatalf("activity %d is %s, want %s", i, trail[i].Action, want)
		}
	}
	if trail[0].EntityID == nil || *trail[0].EntityID != m.ID || trail[2].EntityID == nil || *trail[2].EntityID != victim.ID {
		t.Fatalf("activity entity ids: %+v", trail[:3])
	}
}

// A plan larger than one INSERT can carry (PostgreSQL allows 65,535 parameters; a
// milestone row takes about 20) replaces the stored one whole, with every dependency, as
// an import in replace mode writes it.
func TestPlanChangeStoresPlansBeyondOneStatement(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, _ := f.templateDeal("g2b")
	const n = 4000
	plan := make([]deals.Milestone, n)
	add := make([]string, n)
	for i := range plan {
		due := planStart.AddDate(0, 0, i)
		id := deals.NewMilestonePrefix + strconv.Itoa(i)
		plan[i] = deals.Milestone{ID: id, Sequence: i + 1, Name: fmt.Sprintf("Step %d", i+1), OwnerRole: deals.RolePMO,
			Weight: 1, PlannedStart: due, PlannedDue: due, Status: deals.StatusPlanned}
		if i > 0 {
			plan[i].DependsOn = []string{deals.NewMilestonePrefix + strconv.Itoa(i-1)}
		}
		add[i] = id
	}
	act := deals.Activity{DealID: d.ID, Action: "plan.imported", EntityType: "deal", EntityID: &d.ID}
	change := deals.PlanChange{Plan: plan, Add: add, Remove: f.plan(d.ID)}
	if _, err := f.store.ApplyPlanChange(f.ctx, d.ID, change, act); err != nil {
		t.Fatalf("replace with %d milestones: %v", n, err)
	}
	got := f.plan(d.ID)
	if len(got) != n {
		t.Fatalf("stored %d milestones, want %d", len(got), n)
	}
	deps := 0
	for i, m := range got {
		deps += len(m.DependsOn)
		if i > 0 && (len(m.DependsOn) != 1 || m.DependsOn[0] != got[i-1].ID) {
			t.Fatalf("milestone %d depends on %v, want [%s]", i+1, m.DependsOn, got[i-1].ID)
		}
	}
	if deps != n-1 {
		t.Fatalf("stored %d dependencies, want %d", deps, n-1)
	}
}
