package repository_test

import (
	"testing"
	"time"

	"summit/domain/deals"
)

func TestBaselineDueComesFromTheCommittedBaseline(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("key_account")
	actor := deals.Actor{UserID: u.ID}
	plan := f.plan(d.ID)
	for _, m := range plan {
		if m.BaselineDue != nil || m.SlipDays() != nil {
			t.Fatalf("%s has a baseline before any was taken", m.Name)
		}
	}

	first, err := f.svc.TakeBaseline(f.ctx, actor, d.ID, "Kick-off", "plan agreed")
	if err != nil || first.ID == "" || len(first.Milestones) != len(plan) || first.TakenBy == nil || *first.TakenBy != u.ID {
		t.Fatalf("TakeBaseline = %+v, %v", first, err)
	}
	plan = f.plan(d.ID)
	for _, m := range plan {
		if m.BaselineDue == nil || !m.BaselineDue.Equal(m.PlannedDue) || *m.SlipDays() != 0 {
			t.Fatalf("%s: baseline due %v, planned %v", m.Name, m.BaselineDue, m.PlannedDue)
		}
	}

	// Slip the first milestone a week and add one by hand after the baseline.
	due := plan[0].PlannedDue.AddDate(0, 0, 7)
	if _, err := f.svc.UpdateMilestone(f.ctx, actor, plan[0].ID, plan[0].Version, deals.MilestonePatch{PlannedDue: &due}); err != nil {
		t.Fatal(err)
	}
	added, err := f.svc.CreateMilestone(f.ctx, actor, d.ID, deals.MilestoneInput{Name: "Site visit", OwnerRole: deals.RoleSolution,
		PlannedStart: planStart.AddDate(0, 1, 0), PlannedDue: planStart.AddDate(0, 1, 2)})
	if err != nil {
		t.Fatal(err)
	}
	slipped, err := f.store.Milestone(f.ctx, plan[0].ID)
	if err != nil || slipped.BaselineDue == nil || !slipped.BaselineDue.Equal(plan[0].PlannedDue) || *slipped.SlipDays() != 7 {
		t.Fatalf("slipped milestone = %+v, %v", slipped, err)
	}
	if added.BaselineDue != nil {
		t.Fatalf("a milestone newer than the baseline has baseline due %v", added.BaselineDue)
	}

	f.clock = f.clock.Add(time.Hour)
	second, err := f.svc.TakeBaseline(f.ctx, actor, d.ID, "Re-plan", "customer moved the POC")
	if err != nil {
		t.Fatal(err)
	}
	// Re-baselining does not hide the slip: the kick-off baseline stays the committed one.
	if again, _ := f.store.Milestone(f.ctx, plan[0].ID); again.SlipDays() == nil || *again.SlipDays() != 7 {
		t.Fatalf("after re-baselining the slipped milestone reads %v days late, want 7", again.SlipDays())
	}
	if _, err := f.svc.CommitBaseline(f.ctx, actor, d.ID, second.ID, "customer agreed the new dates"); err != nil {
		t.Fatal(err)
	}
	for _, m := range f.plan(d.ID) {
		if m.BaselineDue == nil || !m.BaselineDue.Equal(m.PlannedDue) {
			t.Fatalf("%s: baseline due %v after committing to the re-plan, planned %v", m.Name, m.BaselineDue, m.PlannedDue)
		}
	}

	list, err := f.store.ListBaselines(f.ctx, d.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("ListBaselines = %d, %v", len(list), err)
	}
	if list[0].ID != second.ID || list[1].ID != first.ID || list[0].Name != "Re-plan" || list[0].Reason != "customer moved the POC" ||
		!list[0].TakenAt.Equal(f.clock) || list[0].TakenBy == nil || *list[0].TakenBy != u.ID || !list[0].Committed || list[1].Committed {
		t.Fatalf("baselines = %+v", list)
	}
	if len(list[0].Milestones) != len(plan)+1 || len(list[1].Milestones) != len(plan) {
		t.Fatalf("baselines hold %d and %d milestones", len(list[0].Milestones), len(list[1].Milestones))
	}
	for i, bm := range list[1].Milestones {
		if bm.MilestoneID != plan[i].ID || !bm.PlannedStart.Equal(plan[i].PlannedStart) || !bm.PlannedDue.Equal(plan[i].PlannedDue) {
			t.Fatalf("first baseline milestone %d = %+v, plan %+v", i, bm, plan[i])
		}
	}
	trail := f.activity(d.ID)
	if trail[0].Action != "baseline.committed" || trail[1].Action != "baseline.taken" || trail[1].EntityType != "baseline" || trail[1].EntityID == nil || *trail[1].EntityID != second.ID {
		t.Fatalf("latest activity = %+v", trail[0])
	}
}
