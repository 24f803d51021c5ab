package repository_test

import (
	"testing"

	"summit/domain"
	"summit/domain/deals"
)

// TestEveryDealWriteRecordsActivity makes each kind of write in turn and checks it left
// exactly one activity row, newest first, naming what changed.
func TestEveryDealWriteRecordsActivity(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("g2b")
	other := f.user("am@example.com")
	actor := deals.Actor{UserID: u.ID}
	plan := f.plan(d.ID)
	var added deals.Milestone
	version := d.Version

	steps := []struct {
		action, entityType string
		write              func() (entityID string, err error)
	}{
		{"deal.updated", "deal", func() (string, error) {
			amount := int64(42)
			updated, err := f.svc.UpdateDeal(f.ctx, actor, d.ID, version, deals.DealPatch{AmountMinor: &amount})
			version = updated.Version
			return d.ID, err
		}},
		{"deal.team_set", "team", func() (string, error) {
			updated, err := f.svc.SetTeam(f.ctx, actor, d.ID, version, []deals.Member{{UserID: other.ID, Role: deals.RolePMO}})
			version = updated.Version
			return d.ID, err
		}},
		{"milestone.created", "milestone", func() (string, error) {
			var err error
			added, err = f.svc.CreateMilestone(f.ctx, actor, d.ID, deals.MilestoneInput{Name: "Extra", OwnerRole: deals.RolePMO,
				PlannedStart: planStart, PlannedDue: planStart, DependsOn: []string{plan[0].ID}})
			return added.ID, err
		}},
		{"milestone.updated", "milestone", func() (string, error) {
			name := "Extra, renamed"
			_, err := f.svc.UpdateMilestone(f.ctx, actor, added.ID, added.Version, deals.MilestonePatch{Name: &name})
			return added.ID, err
		}},
		{"plan.reordered", "deal", func() (string, error) {
			ids := []string{added.ID}
			for _, m := range plan {
				ids = append(ids, m.ID)
			}
			return d.ID, f.svc.Reorder(f.ctx, actor, d.ID, ids)
		}},
		{"plan.rescheduled", "milestone", func() (string, error) {
			m := f.plan(d.ID)[1]
			_, err := f.svc.ApplyReschedule(f.ctx, actor, m.ID, m.Version, m.PlannedStart.AddDate(0, 0, 7), m.PlannedDue.AddDate(0, 0, 7))
			return m.ID, err
		}},
		{"baseline.taken", "baseline", func() (string, error) {
			b, err := f.svc.TakeBaseline(f.ctx, actor, d.ID, "Agreed", "")
			return b.ID, err
		}},
		{"milestone.deleted", "milestone", func() (string, error) {
			m, _ := f.store.Milestone(f.ctx, added.ID)
			return added.ID, f.svc.DeleteMilestone(f.ctx, actor, added.ID, m.Version)
		}},
		{"plan.imported", "deal", func() (string, error) {
			_, _, err := f.svc.ImportPlan(f.ctx, actor, d.ID, [][]string{
				{"seq", "name", "owner_role", "planned_start", "planned_due", "depends_on"},
				{"1", "Survey", "solution", "2026-03-02", "2026-03-06", ""},
				{"2", "Offer", "business", "2026-03-09", "2026-03-13", "1"},
			}, deals.ImportReplace)
			return d.ID, err
		}},
	}
	for i, step := range steps {
		entityID, err := step.write()
		if err != nil {
			t.Fatalf("%s: %v", step.action, err)
		}
		trail := f.activity(d.ID)
		if len(trail) != i+2 {
			t.Fatalf("after %s: %d activity rows, want %d", step.action, len(trail), i+2)
		}
		a := trail[0]
		if a.Action != step.action || a.EntityType != step.entityType || a.EntityID == nil || *a.EntityID != entityID ||
			a.DealID != d.ID || a.ActorName == nil || *a.ActorName != u.Name || a.After == nil && step.action != "milestone.deleted" {
			t.Fatalf("after %s: newest activity = %+v", step.action, a)
		}
	}
	if version != d.Version+2 {
		t.Fatalf("deal version %d, want %d", version, d.Version+2)
	}
	if got, _ := f.store.Deal(f.ctx, d.ID); got.Version != d.Version+4 {
		t.Fatalf("deal version %d after reorder and import, want %d", got.Version, d.Version+4)
	}
	imported := f.plan(d.ID)
	if len(imported) != 2 || imported[1].Name != "Offer" || len(imported[1].DependsOn) != 1 || imported[1].DependsOn[0] != imported[0].ID {
		t.Fatalf("imported plan = %+v", imported)
	}

	// The trail pages newest first without repeats.
	var all []deals.Activity
	p := domain.ListParams{Limit: 3, Sort: domain.SortOrder{Field: "at", Desc: true}}
	for {
		page, err := f.store.ListActivity(f.ctx, d.ID, p, deals.ActivityRange{})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Items...)
		if page.Next == nil {
			break
		}
		p.After = page.Next
	}
	if len(all) != len(steps)+1 || all[0].Action != "plan.imported" || all[len(all)-1].Action != "deal.created" {
		t.Fatalf("paged trail has %d rows: first %s, last %s", len(all), all[0].Action, all[len(all)-1].Action)
	}
	seen := map[string]bool{}
	for i, a := range all {
		if seen[a.ID] || i > 0 && a.At.After(all[i-1].At) {
			t.Fatalf("row %d (%s) repeated or out of order", i, a.Action)
		}
		seen[a.ID] = true
	}
	// No sort given: newest first all the same.
	page, err := f.store.ListActivity(f.ctx, d.ID, domain.ListParams{Limit: 1}, deals.ActivityRange{})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != all[0].ID {
		t.Fatalf("default order: %+v, %v", page.Items, err)
	}
}

// TestActivityKeepsChineseNamesAndRefusesUnlistedActions: a milestone change and a
// reschedule keep the milestone's Chinese name for a reader in Chinese, and an action
// that is not one of deals.ActivityActions is refused, changing nothing.
func TestActivityKeepsChineseNamesAndRefusesUnlistedActions(t *testing.T) {
	t.Parallel()
	f := newDealsFixture(t)
	d, _, u := f.templateDeal("g2b")
	actor := deals.Actor{UserID: u.ID}
	m := f.plan(d.ID)[0]
	if m.NameZh == "" {
		t.Fatal("the g2b template's first step has no Chinese name")
	}
	if _, err := f.svc.ApplyReschedule(f.ctx, actor, m.ID, m.Version, m.PlannedStart.AddDate(0, 0, 3), m.PlannedDue.AddDate(0, 0, 3)); err != nil {
		t.Fatal(err)
	}
	moves, _ := f.activity(d.ID)[0].After.([]any)
	first, _ := moves[0].(map[string]any)
	if first["name"] != m.Name || first["name_zh"] != m.NameZh {
		t.Fatalf("reschedule move = %v, want name %q and name_zh %q", first, m.Name, m.NameZh)
	}
	m = f.plan(d.ID)[0]
	if _, err := f.svc.UpdateMilestone(f.ctx, actor, m.ID, m.Version, deals.MilestonePatch{Status: &deals.StatusChange{To: deals.StatusInProgress}}); err != nil {
		t.Fatal(err)
	}
	after, _ := f.activity(d.ID)[0].After.(map[string]any)
	if after["name_zh"] != m.NameZh || after["status"] != "in_progress" {
		t.Fatalf("milestone.updated after = %v", after)
	}

	before := len(f.activity(d.ID))
	var ids []string
	for _, pm := range f.plan(d.ID) {
		ids = append(ids, pm.ID)
	}
	err := f.store.Reorder(f.ctx, d.ID, ids, deals.Activity{DealID: d.ID, Action: "plan.shuffled", EntityType: "deal"})
	if err == nil {
		t.Fatal("an unlisted action was stored")
	}
	if got := len(f.activity(d.ID)); got != before {
		t.Fatalf("%d activity rows after the refused write, want %d", got, before)
	}
}
