package repository_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"summit/domain"
	"summit/domain/reviews"
)

func (f *peopleFixture) hold(dealID string, heldOn string, actions ...reviews.Action) reviews.Retrospective {
	f.t.Helper()
	r, err := f.reviews.HoldRetrospective(f.ctx, f.pmo.ID, reviews.Retrospective{DealID: dealID, HeldOn: onDay(heldOn),
		Outcome: "at_risk", Planned: "Budget approved", Happened: "Budget slipped a quarter", Actions: actions})
	if err != nil {
		f.t.Fatalf("hold retrospective: %v", err)
	}
	return r
}

// myTitles is the first page of a user's My actions, over every deal, by title.
func (f *peopleFixture) myTitles(userID string) ([]reviews.MyItem, []string, error) {
	page, err := f.reviews.MyActions(f.ctx, reviews.MyActionsQuery{UserID: userID, List: domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: "due"}}})
	var titles []string
	for _, i := range page.Items {
		titles = append(titles, i.Title)
	}
	return page.Items, titles, err
}

func actionTitles(list []reviews.Action) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Title)
	}
	return out
}

func TestRetrospectiveReplacesItsActions(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	gate := f.gates(f.deal.ID)[0]
	other := f.hold(f.deal.ID, "2026-03-01", reviews.Action{Title: "Elsewhere", DueOn: onDay("2026-03-20")})

	r, err := f.reviews.HoldRetrospective(f.ctx, f.pmo.ID, reviews.Retrospective{DealID: f.deal.ID, MilestoneID: &gate,
		HeldOn: onDay("2026-03-10"), Outcome: "off_track", Happened: "Rival wrote the spec", GapCause: "Late", Next: "Escalate",
		Actions: []reviews.Action{
			{Title: "Keep", DueOn: onDay("2026-03-15"), OwnerID: &f.pmo.ID},
			{Title: "Change", DueOn: onDay("2026-03-12")},
			{Title: "Drop", DueOn: onDay("2026-03-30")},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID == "" || r.Version != 1 || r.DealID != f.deal.ID || *r.MilestoneID != gate || !r.HeldOn.Equal(onDay("2026-03-10")) ||
		r.Outcome != "off_track" || r.GapCause != "Late" || r.Next != "Escalate" || *r.CreatedBy != f.pmo.ID ||
		!slices.Equal(actionTitles(r.Actions), []string{"Change", "Keep", "Drop"}) {
		t.Fatalf("created = %+v", r)
	}
	for _, a := range r.Actions {
		if a.RetrospectiveID != r.ID || a.DealID != f.deal.ID || a.DealName != f.deal.Name || a.Status != "open" || a.Version != 1 {
			t.Fatalf("action = %+v", a)
		}
	}
	change, keep, drop := r.Actions[0], r.Actions[1], r.Actions[2]
	if a := f.activity(f.deal.ID)[0]; a.Action != "retrospective.created" || a.EntityType != "retrospective" || *a.EntityID != r.ID {
		t.Fatalf("activity = %+v", a)
	}

	next := r
	next.Outcome, next.MilestoneID = "at_risk", nil
	next.Actions = []reviews.Action{
		{ID: keep.ID, Title: keep.Title, DueOn: keep.DueOn, OwnerID: &f.pmo.ID, Status: "open"},
		{ID: change.ID, Title: "Changed", DueOn: onDay("2026-03-13"), Status: "done"},
		{Title: "New", DueOn: onDay("2026-03-11")},
	}
	// An action of another retrospective cannot be taken over; nothing changes.
	foreign := next
	foreign.Actions = append(slices.Clone(next.Actions), reviews.Action{ID: other.Actions[0].ID, Title: "Stolen", DueOn: onDay("2026-03-20")})
	var verr *domain.ValidationError
	if _, err := f.reviews.UpdateRetrospective(f.ctx, f.pmo.ID, r.ID, r.Version, foreign); !errors.As(err, &verr) || verr.Violations[0].Field != "actions[3].id" {
		t.Fatalf("foreign action: %v", err)
	}
	if got, _ := f.reviews.Retrospective(f.ctx, r.ID); got.Version != 1 || len(got.Actions) != 3 || got.Actions[0].Title != "Change" {
		t.Fatalf("after refused update = %+v", got)
	}

	updated, err := f.reviews.UpdateRetrospective(f.ctx, f.pmo.ID, r.ID, r.Version, next)
	if err != nil {
		t.Fatal(err)
	}
	if updated.Version != 2 || updated.Outcome != "at_risk" || updated.MilestoneID != nil || *updated.CreatedBy != f.pmo.ID ||
		!slices.Equal(actionTitles(updated.Actions), []string{"New", "Changed", "Keep"}) {
		t.Fatalf("updated = %+v", updated)
	}
	byTitle := map[string]reviews.Action{}
	for _, a := range updated.Actions {
		byTitle[a.Title] = a
	}
	if a := byTitle["Keep"]; a.ID != keep.ID || a.Version != 1 {
		t.Errorf("unchanged action = %+v, want its id and version 1", a)
	}
	if a := byTitle["Changed"]; a.ID != change.ID || a.Version != 2 || a.Status != "done" || !a.DueOn.Equal(onDay("2026-03-13")) {
		t.Errorf("changed action = %+v", a)
	}
	if a := byTitle["New"]; a.ID == "" || a.ID == drop.ID || a.Version != 1 || a.Status != "open" {
		t.Errorf("new action = %+v", a)
	}
	if _, err := f.reviewStore.Action(f.ctx, drop.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("dropped action: %v", err)
	}
	if a := f.activity(f.deal.ID)[0]; a.Action != "retrospective.updated" || *a.EntityID != r.ID {
		t.Fatalf("activity = %+v", a)
	}

	if _, err := f.reviews.UpdateRetrospective(f.ctx, f.pmo.ID, r.ID, r.Version, next); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale update: %v", err)
	}
	list, err := f.reviews.ListRetrospectives(f.ctx, f.deal.ID)
	if err != nil || len(list) != 2 || list[0].ID != r.ID || list[1].ID != other.ID || len(list[0].Actions) != 3 ||
		!slices.Equal(actionTitles(list[1].Actions), []string{"Elsewhere"}) {
		t.Fatalf("ListRetrospectives = %+v, %v", list, err)
	}
	if dealID, err := f.reviewStore.RetrospectiveDeal(f.ctx, r.ID); err != nil || dealID != f.deal.ID {
		t.Fatalf("RetrospectiveDeal = %q, %v", dealID, err)
	}
	if dealID, err := f.reviewStore.ActionDeal(f.ctx, keep.ID); err != nil || dealID != f.deal.ID {
		t.Fatalf("ActionDeal = %q, %v", dealID, err)
	}

	if err := f.reviews.DeleteRetrospective(f.ctx, f.pmo.ID, r.ID, r.Version); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale delete: %v", err)
	}
	if err := f.reviews.DeleteRetrospective(f.ctx, f.pmo.ID, r.ID, updated.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.reviewStore.Action(f.ctx, keep.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("actions outlived their retrospective: %v", err)
	}
	if a := f.activity(f.deal.ID)[0]; a.Action != "retrospective.deleted" || *a.EntityID != r.ID {
		t.Fatalf("activity = %+v", a)
	}
}

func TestOpenActionsSoonestFirstAcrossDeals(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	other := f.otherDeal("Second deal")
	colleague := f.user("am@example.com")
	me := &f.pmo.ID
	f.hold(f.deal.ID, "2026-03-05",
		reviews.Action{Title: "Late", DueOn: onDay("2026-04-10"), OwnerID: me},
		reviews.Action{Title: "Done already", DueOn: onDay("2026-03-01"), OwnerID: me, Status: "done"},
		reviews.Action{Title: "Not mine", DueOn: onDay("2026-03-02"), OwnerID: &colleague.ID},
		reviews.Action{Title: "Nobody's", DueOn: onDay("2026-03-03")})
	f.hold(other.ID, "2026-03-06",
		reviews.Action{Title: "Soonest", DueOn: onDay("2026-03-08"), OwnerID: me},
		reviews.Action{Title: "Middle", DueOn: onDay("2026-03-20"), OwnerID: me})

	mine, titles, err := f.myTitles(f.pmo.ID)
	if err != nil || !slices.Equal(titles, []string{"Soonest", "Middle", "Late"}) {
		t.Fatalf("MyActions = %v, %v", titles, err)
	}
	if mine[0].DealID != other.ID || mine[0].DealName != "Second deal" || mine[2].DealID != f.deal.ID || mine[2].DealName != f.deal.Name {
		t.Fatalf("deals of the actions = %+v", mine)
	}
	ofDeal, err := f.reviewStore.OpenActionsOfDeal(f.ctx, f.deal.ID)
	if err != nil || !slices.Equal(actionTitles(ofDeal), []string{"Not mine", "Nobody's", "Late"}) {
		t.Fatalf("OpenActionsOfDeal = %v, %v", actionTitles(ofDeal), err)
	}
	f.clock = onDay("2026-03-10").Add(9 * time.Hour)
	overdue, err := f.reviews.OverdueActions(f.ctx, f.deal.ID)
	if err != nil || !slices.Equal(actionTitles(overdue), []string{"Not mine", "Nobody's"}) {
		t.Fatalf("OverdueActions = %v, %v", actionTitles(overdue), err)
	}

	soonest := mine[0]
	got, err := f.reviewStore.Action(f.ctx, soonest.ID)
	if err != nil || got.DealID != other.ID || got.DealName != "Second deal" || got.Title != "Soonest" {
		t.Fatalf("Action = %+v, %v", got, err)
	}
	done, err := f.reviews.SetActionStatus(f.ctx, f.pmo.ID, soonest.ID, soonest.Version, "done")
	if err != nil || done.Status != "done" || done.Version != 2 || done.DealName != "Second deal" {
		t.Fatalf("SetActionStatus = %+v, %v", done, err)
	}
	if _, err := f.reviews.SetActionStatus(f.ctx, f.pmo.ID, soonest.ID, soonest.Version, "open"); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale SetActionStatus: %v", err)
	}
	if a := f.activity(other.ID)[0]; a.Action != "action.updated" || a.EntityType != "action" || *a.EntityID != soonest.ID {
		t.Fatalf("activity = %+v", a)
	}
	if _, titles, _ := f.myTitles(f.pmo.ID); !slices.Equal(titles, []string{"Middle", "Late"}) {
		t.Fatalf("after done: %v", titles)
	}
	if _, titles, err := f.myTitles(colleague.ID); err != nil || len(titles) != 1 {
		t.Fatalf("colleague's = %v, %v", titles, err)
	}

	missing := "00000000-0000-4000-8000-000000000000"
	checks := map[string]func() error{
		"ListRetrospectives": func() error { _, err := f.reviews.ListRetrospectives(f.ctx, missing); return err },
		"Retrospective":      func() error { _, err := f.reviews.Retrospective(f.ctx, missing); return err },
		"RetrospectiveDeal":  func() error { _, err := f.reviewStore.RetrospectiveDeal(f.ctx, missing); return err },
		"Action":             func() error { _, err := f.reviewStore.Action(f.ctx, missing); return err },
		"ActionDeal":         func() error { _, err := f.reviewStore.ActionDeal(f.ctx, missing); return err },
		"ListDecisions":      func() error { _, err := f.reviews.ListDecisions(f.ctx, missing); return err },
		"UpdateAction": func() error {
			_, err := f.reviewStore.UpdateAction(f.ctx, reviews.Action{ID: missing, DueOn: onDay("2026-03-01"), Status: "open"}, 1, reviews.Activity{})
			return err
		},
	}
	for name, check := range checks {
		if err := check(); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: got %v, want ErrNotFound", name, err)
		}
	}
}
