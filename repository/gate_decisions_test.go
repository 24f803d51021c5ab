package repository_test

import (
	"errors"
	"testing"

	"summit/domain"
	"summit/domain/deals"
	"summit/domain/reviews"
)

func TestGateDecisionsAndAbandon(t *testing.T) {
	t.Parallel()
	f := newPeopleFixture(t)
	gates := f.gates(f.deal.ID)
	var notGate string
	for _, m := range f.plan(f.deal.ID) {
		if !m.Gate {
			notGate = m.ID
			break
		}
	}
	other := f.otherDeal("Other deal")

	if isGate, err := f.reviewStore.MilestoneOfDeal(f.ctx, f.deal.ID, gates[0]); err != nil || !isGate {
		t.Fatalf("MilestoneOfDeal(gate) = %v, %v", isGate, err)
	}
	if isGate, err := f.reviewStore.MilestoneOfDeal(f.ctx, f.deal.ID, notGate); err != nil || isGate {
		t.Fatalf("MilestoneOfDeal(not a gate) = %v, %v", isGate, err)
	}
	if _, err := f.reviewStore.MilestoneOfDeal(f.ctx, other.ID, gates[0]); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("MilestoneOfDeal(other deal) = %v", err)
	}

	decide := func(milestoneID string, decision reviews.Decision, decidedOn string, abandon bool, dealVersion int) (reviews.GateDecision, error) {
		d := reviews.GateDecision{DealID: f.deal.ID, MilestoneID: milestoneID, Decision: decision, Rationale: "Reason " + string(decision) + " " + decidedOn,
			Conditions: "Keep the budget"}
		if decidedOn != "" {
			d.DecidedOn = onDay(decidedOn)
		}
		return f.reviews.Decide(f.ctx, f.pmo.ID, d, abandon, dealVersion)
	}
	// Taken today (the clock's day), then one back-dated: the list is in decided order.
	today, err := decide(gates[1], "go", "", false, 0)
	if err != nil || today.ID == "" || !today.DecidedOn.Equal(deals.Day(f.clock)) || *today.DecidedBy != f.pmo.ID || today.CreatedAt.IsZero() {
		t.Fatalf("decision = %+v, %v", today, err)
	}
	earlier, err := decide(gates[0], "go", "2026-02-20", false, 0)
	if err != nil {
		t.Fatal(err)
	}
	var verr *domain.ValidationError
	if _, err := decide(notGate, "go", "", false, 0); !errors.As(err, &verr) || verr.Violations[0].Rule != "not_a_gate" {
		t.Fatalf("decision at a plain milestone: %v", err)
	}
	a := f.activity(f.deal.ID)[0]
	if a.Action != "gate.decided" || a.EntityType != "milestone" || *a.EntityID != gates[0] || a.ActorID == nil || *a.ActorID != f.pmo.ID {
		t.Fatalf("activity = %+v", a)
	}

	deal, _ := f.store.Deal(f.ctx, f.deal.ID)
	trail := len(f.activity(f.deal.ID))
	cases := []struct {
		name        string
		dealVersion int
		wantErr     error
	}{
		{"stale deal version", deal.Version - 1, domain.ErrStaleVersion},
		{"newer deal version", deal.Version + 1, domain.ErrStaleVersion},
		{"current deal version", deal.Version, nil},
		{"already abandoned", deal.Version + 1, domain.ErrConflict},
	}
	var abandoned reviews.GateDecision
	for _, tc := range cases {
		got, err := decide(gates[2], "no_go", "2026-03-01", true, tc.dealVersion)
		if !errors.Is(err, tc.wantErr) {
			t.Fatalf("%s: %v, want %v", tc.name, err, tc.wantErr)
		}
		if err == nil {
			abandoned = got
			continue
		}
		list, _ := f.reviews.ListDecisions(f.ctx, f.deal.ID)
		want := 2
		if abandoned.ID != "" {
			want = 3
		}
		if len(list) != want {
			t.Fatalf("%s: %d decisions stored, want %d", tc.name, len(list), want)
		}
	}
	after, err := f.store.Deal(f.ctx, f.deal.ID)
	if err != nil || after.Status != deals.DealAbandoned || after.StatusReason != abandoned.Rationale || after.Version != deal.Version+1 {
		t.Fatalf("deal after abandon = %+v, %v", after, err)
	}
	trailAfter := f.activity(f.deal.ID)
	if len(trailAfter) != trail+2 {
		t.Fatalf("abandon wrote %d activity rows, want 2", len(trailAfter)-trail)
	}
	actions := map[string]deals.Activity{}
	for _, a := range trailAfter[:2] {
		actions[a.Action] = a
	}
	upd, ok := actions["deal.updated"]
	before, _ := upd.Before.(map[string]any)
	afterMap, _ := upd.After.(map[string]any)
	if !ok || upd.EntityType != "deal" || *upd.EntityID != f.deal.ID || before["status"] != "open" || afterMap["status"] != "abandoned" ||
		afterMap["status_reason"] != abandoned.Rationale || *upd.ActorID != f.pmo.ID {
		t.Fatalf("deal.updated = %+v", upd)
	}
	if _, ok := actions["gate.decided"]; !ok {
		t.Fatalf("no gate.decided entry: %+v", trailAfter[:2])
	}

	list, err := f.reviews.ListDecisions(f.ctx, f.deal.ID)
	if err != nil || len(list) != 3 || list[0].ID != earlier.ID || list[1].ID != abandoned.ID || list[2].ID != today.ID ||
		list[1].Decision != "no_go" || list[0].Conditions != "Keep the budget" || list[0].MilestoneID != gates[0] {
		t.Fatalf("ListDecisions = %+v, %v", list, err)
	}
	if none, err := f.reviews.ListDecisions(f.ctx, other.ID); err != nil || len(none) != 0 {
		t.Fatalf("ListDecisions(other) = %+v, %v", none, err)
	}
}
