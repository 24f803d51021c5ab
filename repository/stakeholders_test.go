package repository_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/identity"
	"summit/domain/reviews"
	"summit/domain/stakeholders"
	"summit/repository"
)

// peopleFixture is a deals fixture with the stakeholders and reviews stores and services,
// and one deal laid out from the g2b template.
type peopleFixture struct {
	*dealsFixture
	people      *stakeholders.Service
	peopleStore *repository.Stakeholders
	reviews     *reviews.Service
	reviewStore *repository.Reviews
	deal        deals.Deal
	tmpl        deals.Template
	pmo         identity.User
}

func newPeopleFixture(t testing.TB) *peopleFixture {
	t.Helper()
	df := newDealsFixture(t)
	f := &peopleFixture{dealsFixture: df, peopleStore: repository.NewStakeholders(df.db), reviewStore: repository.NewReviews(df.db)}
	now := func() time.Time { return f.clock }
	f.people = &stakeholders.Service{Store: f.peopleStore, Now: now}
	f.reviews = &reviews.Service{Store: f.reviewStore, Deals: df.svc, Now: now}
	f.deal, f.tmpl, f.pmo = df.templateDeal("g2b")
	return f
}

// otherDeal is one more deal of the same customer, team and template.
func (f *peopleFixture) otherDeal(name string) deals.Deal {
	f.t.Helper()
	return f.dealsFixture.deal(f.pmo, deals.Deal{Name: name, CustomerID: f.deal.CustomerID, Segment: f.deal.Segment,
		TeamID: f.deal.TeamID, AmountMinor: 1}, &f.tmpl.ID)
}

// allContacts is every contact of a customer, by name (one page of the largest size).
func (f *peopleFixture) allContacts(customerID string) ([]stakeholders.Contact, error) {
	page, err := f.people.ListContacts(f.ctx, customerID, domain.ListParams{Limit: domain.MaxPageSize, Sort: domain.SortOrder{Field: "name"}})
	return page.Items, err
}

// gates returns the ids of the gate milestones of a deal, in plan order.
func (f *peopleFixture) gates(dealID string) []string {
	f.t.Helper()
	var ids []string
	for _, m := range f.plan(dealID) {
		if m.Gate {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) < 3 {
		f.t.Fatalf("deal %s has %d gates", dealID, len(ids))
	}
	return ids
}

func (f *peopleFixture) add(dealID string, in stakeholders.NewStakeholder) stakeholders.Stakeholder {
	f.t.Helper()
	if in.Stakeholder.DecisionRole == "" {
		in.Stakeholder.DecisionRole = "decision_maker"
	}
	if in.Stakeholder.Stance == "" {
		in.Stakeholder.Stance = "neutral"
	}
	if in.Stakeholder.Influence == 0 {
		in.Stakeholder.Influence = 3
	}
	s, err := f.people.AddStakeholder(f.ctx, f.pmo.ID, dealID, in)
	if err != nil {
		f.t.Fatalf("add stakeholder: %v", err)
	}
	return s
}

func (f *peopleFixture) contact(name string, reportsTo *string) stakeholders.Contact {
	f.t.Helper()
	c, err := f.people.CreateContact(f.ctx, stakeholders.Contact{CustomerID: f.deal.CustomerID, Name: name, ReportsToID: reportsTo})
	if err != nil {
		f.t.Fatalf("create contact %s: %v", name, err)
	}
	return c
}

func (f *peopleFixture) history(id string) []stakeholders.HistoryEntry {
	f.t.Helper()
	h, err := f.people.History(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return h
}

func valPtr[T any](v T) *T { return &v }

func onDay(s string) time.Time {
	d, err := time.Parse(deals.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCreateStakeholderWithNewContactAndMilestoneLinks(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	gates := f.gates(f.deal.ID)
	due := onDay("2026-04-01")

	s := f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Li Wei", Title: "Director",
		Stakeholder: stakeholders.Stakeholder{DecisionRole: "economic_buyer", Influence: 5, Stance: "supporter",
			OwnerID: &f.pmo.ID, NextStep: "Lunch", NextStepDue: &due, MilestoneIDs: []string{gates[2], gates[0], gates[2]}}})

	if s.ID == "" || s.DealID != f.deal.ID || s.Version != 1 || s.ContactID == "" || s.RelationshipStrength != 1 ||
		s.DecisionRole != "economic_buyer" || s.Influence != 5 || s.Stance != "supporter" || *s.OwnerID != f.pmo.ID ||
		s.NextStepDue == nil || !s.NextStepDue.Equal(due) || s.LastContactOn != nil {
		t.Fatalf("created = %+v", s)
	}
	if c := s.Contact; c.ID != s.ContactID || c.CustomerID != f.deal.CustomerID || c.Name != "Li Wei" || c.Title != "Director" || c.Version != 1 {
		t.Fatalf("contact = %+v", c)
	}
	if want := []string{gates[0], gates[2]}; !slices.Equal(s.MilestoneIDs, want) {
		t.Fatalf("milestones = %v, want %v (plan order, once each)", s.MilestoneIDs, want)
	}

	// An existing contact with a manager: the reads carry the reporting line.
	boss := f.contact("Zhang Min", nil)
	aide := f.contact("An Qi", &boss.ID)
	second := f.add(f.deal.ID, stakeholders.NewStakeholder{Stakeholder: stakeholders.Stakeholder{ContactID: aide.ID, Stance: "champion"}})
	if second.Contact.Name != "An Qi" || second.Contact.ReportsToID == nil || *second.Contact.ReportsToID != boss.ID ||
		second.MilestoneIDs == nil || len(second.MilestoneIDs) != 0 {
		t.Fatalf("second = %+v", second)
	}

	list, err := f.people.ListStakeholders(f.ctx, f.deal.ID)
	if err != nil || len(list) != 2 || list[0].ID != second.ID || list[1].ID != s.ID || !slices.Equal(list[1].MilestoneIDs, s.MilestoneIDs) {
		t.Fatalf("ListStakeholders = %+v, %v", list, err)
	}
	if got, err := f.people.Stakeholder(f.ctx, s.ID); err != nil || got.Contact.Name != "Li Wei" || !slices.Equal(got.MilestoneIDs, s.MilestoneIDs) {
		t.Fatalf("Stakeholder = %+v, %v", got, err)
	}
	if dealID, err := f.peopleStore.StakeholderDeal(f.ctx, s.ID); err != nil || dealID != f.deal.ID {
		t.Fatalf("StakeholderDeal = %q, %v", dealID, err)
	}
	if customerID, err := f.peopleStore.DealCustomer(f.ctx, f.deal.ID); err != nil || customerID != f.deal.CustomerID {
		t.Fatalf("DealCustomer = %q, %v", customerID, err)
	}

	contacts, err := f.allContacts(f.deal.CustomerID)
	if err != nil || len(contacts) != 3 || contacts[0].Name != "An Qi" || contacts[1].Name != "Li Wei" || contacts[2].Name != "Zhang Min" {
		t.Fatalf("ListContacts = %+v, %v", contacts, err)
	}

	trail := f.activity(f.deal.ID)
	a := trail[1] // newest first: the second stakeholder, then the first
	if a.Action != "stakeholder.created" || a.EntityType != "stakeholder" || a.EntityID == nil || *a.EntityID != s.ID ||
		a.ActorID == nil || *a.ActorID != f.pmo.ID || a.After != "Li Wei" {
		t.Fatalf("activity = %+v", a)
	}
	if h := f.history(s.ID); len(h) != 0 {
		t.Fatalf("a new stakeholder has history %+v", h)
	}
}

func TestUpdateStakeholderRecordsHistoryOnlyForTrackedChangesOrNotes(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	gates := f.gates(f.deal.ID)
	s := f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Li Wei", Stakeholder: stakeholders.Stakeholder{MilestoneIDs: []string{gates[0]}}})

	blocker := stakeholders.Stance("blocker")
	steps := []struct {
		name        string
		patch       stakeholders.Patch
		wantHistory bool
		wantChanges []string
		wantNote    string
	}{
		{"tracked change with a note", stakeholders.Patch{Stance: &blocker, Influence: valPtr(5), Note: " met at expo "}, true, []string{"influence", "stance"}, "met at expo"},
		{"untracked fields only", stakeholders.Patch{Notes: valPtr("likes tea"), RelationshipStrength: valPtr(4), MilestoneIDs: &[]string{gates[1], gates[2]}}, false, nil, ""},
		{"same stance again", stakeholders.Patch{Stance: &blocker}, false, nil, ""},
		{"a note alone", stakeholders.Patch{Note: "called, no answer"}, true, []string{}, "called, no answer"},
	}
	version, entries, trail := s.Version, 0, len(f.activity(f.deal.ID))
	for _, step := range steps {
		got, err := f.people.UpdateStakeholder(f.ctx, f.pmo.ID, s.ID, version, step.patch)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got.Version != version+1 {
			t.Fatalf("%s: version %d, want %d", step.name, got.Version, version+1)
		}
		version = got.Version
		h := f.history(s.ID)
		if step.wantHistory {
			entries++
		}
		if len(h) != entries {
			t.Fatalf("%s: %d history entries, want %d", step.name, len(h), entries)
		}
		if step.wantHistory {
			e := h[0]
			var keys []string
			for k := range e.Changes {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, step.wantChanges) && !(len(keys) == 0 && len(step.wantChanges) == 0) || e.Note != step.wantNote ||
				e.ActorID == nil || *e.ActorID != f.pmo.ID || e.ActorName == nil || *e.ActorName != f.pmo.Name || e.StakeholderID != s.ID {
				t.Fatalf("%s: entry = %+v", step.name, e)
			}
		}
		trail++
		if a := f.activity(f.deal.ID); len(a) != trail || a[0].Action != "stakeholder.updated" || *a[0].EntityID != s.ID {
			t.Fatalf("%s: activity %d rows, newest %+v", step.name, len(a), a[0])
		}
	}

	got, err := f.people.Stakeholder(f.ctx, s.ID)
	if err != nil || got.Stance != "blocker" || got.Influence != 5 || got.Notes != "likes tea" || got.RelationshipStrength != 4 ||
		!slices.Equal(got.MilestoneIDs, []string{gates[1], gates[2]}) {
		t.Fatalf("stored = %+v, %v", got, err)
	}
	h := f.history(s.ID)
	if h[0].Note != "called, no answer" || h[1].Note != "met at expo" || h[1].Changes["stance"].From != "neutral" || h[1].Changes["stance"].To != "blocker" {
		t.Fatalf("history not newest first: %+v", h)
	}
}

func TestStaleStakeholderWritesChangeNothing(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	gates := f.gates(f.deal.ID)
	s := f.add(f.deal.ID, stakeholders.NewStakeholder{ContactName: "Li Wei", Stakeholder: stakeholders.Stakeholder{MilestoneIDs: []string{gates[0]}}})
	skeptic := stakeholders.Stance("skeptic")
	if _, err := f.people.UpdateStakeholder(f.ctx, f.pmo.ID, s.ID, s.Version, stakeholders.Patch{Notes: valPtr("first")}); err != nil {
		t.Fatal(err)
	}
	before, _ := f.people.Stakeholder(f.ctx, s.ID)
	trail := len(f.activity(f.deal.ID))

	stale := map[string]func() error{
		"update": func() error {
			_, err := f.people.UpdateStakeholder(f.ctx, f.pmo.ID, s.ID, s.Version, stakeholders.Patch{Stance: &skeptic, Note: "why",
				MilestoneIDs: &[]string{gates[1]}})
			return err
		},
		"delete": func() error { return f.people.RemoveStakeholder(f.ctx, f.pmo.ID, s.ID, s.Version) },
	}
	for name, write := range stale {
		if err := write(); !errors.Is(err, domain.ErrStaleVersion) {
			t.Fatalf("%s at an old version: %v, want ErrStaleVersion", name, err)
		}
	}
	after, err := f.people.Stakeholder(f.ctx, s.ID)
	if err != nil || after.Version != before.Version || after.Stance != before.Stance || !slices.Equal(after.MilestoneIDs, []string{gates[0]}) {
		t.Fatalf("after stale writes = %+v, %v", after, err)
	}
	if h := f.history(s.ID); len(h) != 0 {
		t.Fatalf("stale update wrote history %+v", h)
	}
	if n := len(f.activity(f.deal.ID)); n != trail {
		t.Fatalf("stale writes added %d activity rows", n-trail)
	}

	if err := f.people.RemoveStakeholder(f.ctx, f.pmo.ID, s.ID, after.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.people.Stakeholder(f.ctx, s.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("removed stakeholder: %v", err)
	}
	if a := f.activity(f.deal.ID)[0]; a.Action != "stakeholder.deleted" || *a.EntityID != s.ID || a.Before != "Li Wei" {
		t.Fatalf("activity = %+v", a)
	}
	if _, err := f.people.Contact(f.ctx, s.ContactID); err != nil {
		t.Fatalf("the contact went with the stakeholder: %v", err)
	}
}

func TestStakeholderConflictsAndRefusals(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	other := f.otherDeal("Other deal")
	otherGates := f.gates(other.ID)
	c := f.contact("Li Wei", nil)
	s := f.add(f.deal.ID, stakeholders.NewStakeholder{Stakeholder: stakeholders.Stakeholder{ContactID: c.ID}})
	contactsBefore, _ := f.allContacts(f.deal.CustomerID)
	trail := len(f.activity(f.deal.ID))

	isMilestoneIDs := func(err error) bool {
		var verr *domain.ValidationError
		return errors.As(err, &verr) && len(verr.Violations) == 1 && verr.Violations[0].Field == "milestone_ids" && verr.Violations[0].Rule == "exists"
	}
	base := stakeholders.Stakeholder{DecisionRole: "user", Influence: 2, Stance: "neutral"}
	withMilestones := base
	withMilestones.MilestoneIDs = []string{f.gates(f.deal.ID)[0], otherGates[0]}
	badUUID := base
	badUUID.MilestoneIDs = []string{"not-a-uuid"}
	cases := []struct {
		name string
		call func() error
		want func(error) bool
	}{
		{"same contact twice on a deal", func() error {
			in := base
			in.ContactID = c.ID
			_, err := f.people.AddStakeholder(f.ctx, f.pmo.ID, f.deal.ID, stakeholders.NewStakeholder{Stakeholder: in})
			return err
		}, func(err error) bool { return errors.Is(err, domain.ErrConflict) }},
		{"milestone of another deal, new contact", func() error {
			_, err := f.people.AddStakeholder(f.ctx, f.pmo.ID, f.deal.ID, stakeholders.NewStakeholder{ContactName: "Ghost", Stakeholder: withMilestones})
			return err
		}, isMilestoneIDs},
		{"milestone id that is no uuid", func() error {
			_, err := f.people.AddStakeholder(f.ctx, f.pmo.ID, f.deal.ID, stakeholders.NewStakeholder{ContactName: "Ghost", Stakeholder: badUUID})
			return err
		}, isMilestoneIDs},
		{"milestone of another deal on update", func() error {
			_, err := f.people.UpdateStakeholder(f.ctx, f.pmo.ID, s.ID, s.Version, stakeholders.Patch{MilestoneIDs: &[]string{otherGates[1]}, Note: "x"})
			return err
		}, isMilestoneIDs},
		{"contact in use", func() error { return f.people.DeleteContact(f.ctx, c.ID, c.Version) },
			func(err error) bool { return errors.Is(err, domain.ErrConflict) }},
		{"unknown deal", func() error {
			_, err := f.people.AddStakeholder(f.ctx, f.pmo.ID, "00000000-0000-4000-8000-000000000000", stakeholders.NewStakeholder{ContactName: "X", Stakeholder: base})
			return err
		}, func(err error) bool { return errors.Is(err, domain.ErrNotFound) }},
	}
	for _, tc := range cases {
		if err := tc.call(); !tc.want(err) {
			t.Errorf("%s: got %v", tc.name, err)
		}
	}

	list, _ := f.people.ListStakeholders(f.ctx, f.deal.ID)
	contacts, _ := f.allContacts(f.deal.CustomerID)
	got, _ := f.people.Stakeholder(f.ctx, s.ID)
	if len(list) != 1 || len(contacts) != len(contactsBefore) || got.Version != s.Version || len(f.activity(f.deal.ID)) != trail || len(f.history(s.ID)) != 0 {
		t.Fatalf("a refused write left traces: %d stakeholders, %d contacts, %+v", len(list), len(contacts), got)
	}

	// Once unused, the contact can go; a stale delete is refused first.
	if err := f.people.RemoveStakeholder(f.ctx, f.pmo.ID, s.ID, s.Version); err != nil {
		t.Fatal(err)
	}
	if err := f.people.DeleteContact(f.ctx, c.ID, c.Version+1); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale delete: %v", err)
	}
	if err := f.people.DeleteContact(f.ctx, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.people.Contact(f.ctx, c.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("deleted contact: %v", err)
	}
}

func TestContactsAndReportingLines(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	boss := f.contact("Zhang Min", nil)
	mid := f.contact("Li Wei", &boss.ID)
	low := f.contact("An Qi", &mid.ID)

	lines, err := f.peopleStore.ReportingLines(f.ctx, f.deal.CustomerID)
	if err != nil || len(lines) != 3 || lines[boss.ID] != nil || *lines[mid.ID] != boss.ID || *lines[low.ID] != mid.ID {
		t.Fatalf("ReportingLines = %v, %v", lines, err)
	}
	// A loop is refused by the service using these lines.
	if _, err := f.people.UpdateContact(f.ctx, boss.ID, boss.Version, stakeholders.ContactPatch{ReportsToID: &low.ID}); err == nil {
		t.Fatal("a reporting loop was stored")
	}
	updated, err := f.people.UpdateContact(f.ctx, low.ID, low.Version, stakeholders.ContactPatch{Title: valPtr("Engineer"), ClearReportsTo: true})
	if err != nil || updated.Version != 2 || updated.Title != "Engineer" || updated.ReportsToID != nil || updated.CustomerID != f.deal.CustomerID {
		t.Fatalf("UpdateContact = %+v, %v", updated, err)
	}
	if _, err := f.people.UpdateContact(f.ctx, low.ID, low.Version, stakeholders.ContactPatch{Title: valPtr("Boss")}); !errors.Is(err, domain.ErrStaleVersion) {
		t.Fatalf("stale UpdateContact: %v", err)
	}

	missing := "00000000-0000-4000-8000-000000000000"
	checks := map[string]func() error{
		"CustomerReach":    func() error { _, err := f.peopleStore.CustomerReach(f.ctx, missing, nil, f.pmo.ID); return err },
		"Contact":          func() error { _, err := f.people.Contact(f.ctx, missing); return err },
		"ListStakeholders": func() error { _, err := f.people.ListStakeholders(f.ctx, missing); return err },
		"Stakeholder":      func() error { _, err := f.people.Stakeholder(f.ctx, missing); return err },
		"History":          func() error { _, err := f.people.History(f.ctx, missing); return err },
		"StakeholderDeal":  func() error { _, err := f.peopleStore.StakeholderDeal(f.ctx, missing); return err },
		"DealCustomer":     func() error { _, err := f.peopleStore.DealCustomer(f.ctx, missing); return err },
		"UpdateContact": func() error {
			_, err := f.peopleStore.UpdateContact(f.ctx, stakeholders.Contact{ID: missing, Name: "x"}, 1)
			return err
		},
	}
	for name, check := range checks {
		if err := check(); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: got %v, want ErrNotFound", name, err)
		}
	}
	if lines, err := f.peopleStore.ReportingLines(f.ctx, missing); err != nil || len(lines) != 0 {
		t.Errorf("ReportingLines of nobody = %v, %v", lines, err)
	}
}

func TestRiskViewsOnlyOpenDeals(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	open, closed := f.deal, f.otherDeal("Closed deal")
	covered := f.otherDeal("Covered deal")
	openGates, closedGates := f.gates(open.ID), f.gates(closed.ID)

	dm := f.add(open.ID, stakeholders.NewStakeholder{ContactName: "Zhang Min",
		Stakeholder: stakeholders.Stakeholder{Stance: "blocker", MilestoneIDs: []string{openGates[0], openGates[1]}}})
	coach := f.add(open.ID, stakeholders.NewStakeholder{ContactName: "An Qi",
		Stakeholder: stakeholders.Stakeholder{DecisionRole: "coach", Stance: "blocker", MilestoneIDs: []string{openGates[1]}}})
	f.add(closed.ID, stakeholders.NewStakeholder{ContactName: "Wang Fang", Stakeholder: stakeholders.Stakeholder{MilestoneIDs: []string{closedGates[0]}}})
	f.add(covered.ID, stakeholders.NewStakeholder{ContactName: "Li Lei", Stakeholder: stakeholders.Stakeholder{Stance: "champion"}})
	if _, err := f.svc.UpdateDeal(f.ctx, deals.Actor{UserID: f.pmo.ID}, closed.ID, closed.Version,
		deals.DealPatch{Status: &deals.StatusRequest{To: deals.DealAbandoned, Reason: "Budget cut"}}); err != nil {
		t.Fatal(err)
	}
	// A finished gate is no longer a gate to worry about.
	if err := f.db.Exec("UPDATE milestones SET status = 'done' WHERE id = ?", openGates[2]).Error; err != nil {
		t.Fatal(err)
	}
	dueOf := map[string]time.Time{}
	for _, m := range f.plan(open.ID) {
		dueOf[m.ID] = m.PlannedDue
	}
	f.clock = dueOf[openGates[0]].AddDate(0, 0, -5)
	// Next steps: the decision maker's is overdue, so is the closed deal's (left out).
	yesterday := f.clock.AddDate(0, 0, -1)
	if err := f.db.Exec("UPDATE stakeholders SET next_step = 'Call', next_step_due = ? WHERE deal_id IN (?, ?)", yesterday, open.ID, closed.ID).Error; err != nil {
		t.Fatal(err)
	}
	if err := f.db.Exec("UPDATE stakeholders SET next_step_due = NULL WHERE id = ?", coach.ID).Error; err != nil {
		t.Fatal(err)
	}
	page := func(sort string) domain.ListParams {
		return domain.ListParams{Limit: 50, Sort: domain.SortOrder{Field: sort}}
	}
	team := &deals.Visibility{TeamIDs: []string{open.TeamID}, UserID: f.pmo.ID}
	stranger := &deals.Visibility{UserID: "00000000-0000-0000-0000-000000000001"}
	untilSecond := int(dueOf[openGates[1]].Sub(f.clock).Hours()/24) - 1

	cases := []struct {
		name      string
		q         stakeholders.RiskQuery
		gates     []string // milestone ids of the gate risks, each the decision maker's stance
		nextSteps []string
		gaps      []string
	}{
		{"every deal", stakeholders.RiskQuery{GateDays: 3650}, openGates[:2], []string{dm.ID}, []string{open.ID}},
		{"the team's deals", stakeholders.RiskQuery{Visible: team, GateDays: 3650}, openGates[:2], []string{dm.ID}, []string{open.ID}},
		{"a stranger", stakeholders.RiskQuery{Visible: stranger, GateDays: 3650}, nil, nil, nil},
		{"the open deal", stakeholders.RiskQuery{DealID: open.ID, GateDays: 3650}, openGates[:2], []string{dm.ID}, []string{open.ID}},
		{"only the closed deal", stakeholders.RiskQuery{DealID: closed.ID, GateDays: 3650}, nil, nil, nil},
		{"before the second gate is due", stakeholders.RiskQuery{GateDays: untilSecond}, openGates[:1], []string{dm.ID}, []string{open.ID}},
	}
	for _, tc := range cases {
		tc.q.StaleDays = 30
		tc.q.List = page("due")
		risks, err := f.people.GateRisks(f.ctx, tc.q)
		var gates []string
		for _, r := range risks.Items {
			gates = append(gates, r.Gate.MilestoneID)
			if r.Stakeholder.ID != dm.ID || r.Reason != "stance" || r.Stakeholder.Contact.Name != "Zhang Min" ||
				r.Gate.DealID != open.ID || r.Gate.DealName != open.Name || !r.Gate.Due.Equal(dueOf[r.Gate.MilestoneID]) {
				t.Errorf("%s: gate risk %+v", tc.name, r)
			}
		}
		if err != nil || !slices.Equal(gates, tc.gates) {
			t.Errorf("%s: gate risks %v, %v; want %v", tc.name, gates, err, tc.gates)
		}
		tc.q.List = page("next_step_due")
		overdue, err := f.people.OverdueNextSteps(f.ctx, tc.q)
		var ids []string
		for _, s := range overdue.Items {
			ids = append(ids, s.ID)
			if !slices.Equal(s.MilestoneIDs, dm.MilestoneIDs) || s.Contact.Name != "Zhang Min" {
				t.Errorf("%s: overdue %+v", tc.name, s)
			}
		}
		if err != nil || !slices.Equal(ids, tc.nextSteps) {
			t.Errorf("%s: overdue next steps %v, %v; want %v", tc.name, ids, err, tc.nextSteps)
		}
		tc.q.List = page("deal_id")
		gaps, err := f.people.CoverageGaps(f.ctx, tc.q)
		ids = nil
		for _, g := range gaps.Items {
			ids = append(ids, g.DealID)
			if !g.HasDecisionMaker || g.HasChampion {
				t.Errorf("%s: coverage %+v", tc.name, g)
			}
		}
		if err != nil || !slices.Equal(ids, tc.gaps) {
			t.Errorf("%s: coverage gaps %v, %v; want %v", tc.name, ids, err, tc.gaps)
		}
	}
}
