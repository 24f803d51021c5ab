package repository_test

import (
	"errors"
	"slices"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
)

// My actions: the user's open actions and the next steps they own, on open deals they may
// read, grouped by deal (the deal with something overdue first), flagged where the power
// map flags the person, a page at a time.
func TestMyActionsNextStepsGroupedFlaggedPaged(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	second := f.otherDeal("Second deal")
	closed := f.otherDeal("Lost deal")
	colleague := f.user("am@example.com")
	me := &f.pmo.ID
	gates := f.gates(f.deal.ID)
	dueOf := map[string]string{}
	for _, m := range f.plan(f.deal.ID) {
		dueOf[m.ID] = m.PlannedDue.Format(deals.DateLayout)
	}
	f.clock = onDay(dueOf[gates[0]]).AddDate(0, 0, -5)
	day := func(offset int) string { return f.clock.AddDate(0, 0, offset).Format(deals.DateLayout) }

	f.hold(f.deal.ID, day(-10), reviews.Action{Title: "Send the estimate", DueOn: onDay(day(3)), OwnerID: me})
	f.hold(second.ID, day(-10), reviews.Action{Title: "Book the demo", DueOn: onDay(day(20)), OwnerID: me},
		reviews.Action{Title: "Colleague's", DueOn: onDay(day(-9)), OwnerID: &colleague.ID})
	f.hold(closed.ID, day(-10), reviews.Action{Title: "On a lost deal", DueOn: onDay(day(-9)), OwnerID: me})
	blocker := f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Zhang Min",
		Stakeholder: stakeholders.Stakeholder{Stance: "blocker", OwnerID: me, MilestoneIDs: []string{gates[0]}}})
	champion := f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Li Lei",
		Stakeholder: stakeholders.Stakeholder{Stance: "champion", OwnerID: me}})
	f.add(second.ID, stakeholders.NewStakeholder{ContactName: "Wang Fang",
		Stakeholder: stakeholders.Stakeholder{OwnerID: &colleague.ID}})
	f.add(closed.ID, stakeholders.NewStakeholder{ContactName: "Zhao Yi", Stakeholder: stakeholders.Stakeholder{OwnerID: me}})
	for _, set := range []struct{ id, step, due any }{
		{blocker.ID, "Meet over the budget", day(-2)},
		{champion.ID, "Ask for an intro", nil},
	} {
		if err := f.db.Exec("UPDATE stakeholders SET next_step = ?, next_step_due = ? WHERE id = ?", set.step, set.due, set.id).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := f.db.Exec("UPDATE stakeholders SET next_step = 'Not mine', next_step_due = ? WHERE deal_id = ?", day(-30), second.ID).Error; err != nil {
		t.Fatal(err)
	}
	if err := f.db.Exec("UPDATE stakeholders SET next_step = 'Lost anyway', next_step_due = ? WHERE deal_id = ?", day(-30), closed.ID).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.UpdateDeal(f.ctx, deals.Actor{UserID: f.pmo.ID}, closed.ID, closed.Version,
		deals.DealPatch{Status: &deals.StatusRequest{To: deals.DealAbandoned, Reason: "Budget cut"}}); err != nil {
		t.Fatal(err)
	}

	items, titles, err := f.myTitles(f.pmo.ID)
	want := []string{"Meet over the budget", "Send the estimate", "Ask for an intro", "Book the demo"}
	if err != nil || !slices.Equal(titles, want) {
		t.Fatalf("My actions = %v, %v; want %v", titles, err, want)
	}
	type row struct {
		kind, deal, who  string
		overdue, flagged bool
	}
	var got []row
	for _, i := range items {
		got = append(got, row{i.Kind, i.DealName, i.StakeholderName, i.Overdue(f.clock), i.Flagged})
	}
	wantRows := []row{
		{reviews.KindNextStep, f.deal.Name, "Zhang Min", true, true},
		{reviews.KindAction, f.deal.Name, "", false, false},
		{reviews.KindNextStep, f.deal.Name, "Li Lei", false, false},
		{reviews.KindAction, "Second deal", "", false, false},
	}
	if !slices.Equal(got, wantRows) {
		t.Fatalf("items = %+v\nwant %+v", got, wantRows)
	}

	// Two at a time: the pages join up to the same list.
	var paged []string
	p := domain.ListParams{Limit: 2, Sort: domain.SortOrder{Field: "due"}}
	for range 5 {
		page, err := f.reviews.MyActions(f.ctx, reviews.MyActionsQuery{UserID: f.pmo.ID, List: p})
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range page.Items {
			paged = append(paged, i.Title)
		}
		if page.Next == nil {
			break
		}
		p.After = page.Next
	}
	if !slices.Equal(paged, want) {
		t.Fatalf("paged = %v", paged)
	}
	p.After = &domain.Cursor{Value: "not a key", ID: blocker.ID}
	if _, err := f.reviews.MyActions(f.ctx, reviews.MyActionsQuery{UserID: f.pmo.ID, List: p}); !errors.Is(err, domain.ErrInvalidCursor) {
		t.Fatalf("bad cursor: %v", err)
	}

	// The visibility rule: only the deals the user may read.
	cases := []struct {
		name    string
		visible *deals.Visibility
		want    int
	}{
		{"the deal team reads its deals", &deals.Visibility{UserID: f.pmo.ID}, 4},
		{"the deals' team reads them", &deals.Visibility{UserID: colleague.ID, TeamIDs: []string{f.deal.TeamID}}, 4},
		{"nothing outside", &deals.Visibility{UserID: colleague.ID}, 0},
	}
	for _, c := range cases {
		page, err := f.reviews.MyActions(f.ctx, reviews.MyActionsQuery{UserID: f.pmo.ID, Visible: c.visible,
			List: domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "due"}}})
		if err != nil || len(page.Items) != c.want {
			t.Errorf("%s: %d items, %v; want %d", c.name, len(page.Items), err, c.want)
		}
	}
}
