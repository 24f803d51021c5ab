package stakeholders

import (
	"errors"
	"testing"
	"time"

	"summit/domain"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func ptrTime(s string) *time.Time { t := day(s); return &t }

func TestApplyTracksTheFieldsThatMatter(t *testing.T) {
	owner := "u2"
	s := Stakeholder{Stance: "neutral", Influence: 3, DecisionRole: "decision_maker", NextStep: "Lunch", RelationshipStrength: 2}
	blocker, five := Stance("blocker"), 5
	got, changes := Apply(s, Patch{Stance: &blocker, Influence: &five, OwnerID: &owner, Notes: ptrString("met at expo"), NextStepDue: ptrTime("2026-12-01")})
	if got.Stance != "blocker" || got.Influence != 5 || *got.OwnerID != "u2" || got.Notes != "met at expo" {
		t.Fatalf("applied = %+v", got)
	}
	want := map[string]Change{"stance": {"neutral", Stance("blocker")}, "influence": {3, 5}, "owner_id": {nil, "u2"}, "next_step_due": {nil, "2026-12-01"}}
	if len(changes) != len(want) {
		t.Fatalf("changes = %v, want %v", changes, want)
	}
	for k, w := range want {
		if changes[k].From != w.From && !(k == "stance" && changes[k].From == Stance("neutral")) || changes[k].To != w.To {
			t.Errorf("%s: %v, want %v", k, changes[k], w)
		}
	}
	if _, none := Apply(s, Patch{Stance: &s.Stance}); len(none) != 0 {
		t.Errorf("a no-op recorded %v", none)
	}
}

func ptrString(s string) *string { return &s }

func TestCheck(t *testing.T) {
	ok := Stakeholder{DecisionRole: "coach", Influence: 1, Stance: "champion", RelationshipStrength: 5}
	if err := Check(ok); err != nil {
		t.Fatal(err)
	}
	var verr *domain.ValidationError
	if !errors.As(Check(Stakeholder{DecisionRole: "boss", Influence: 6, Stance: "angry"}), &verr) || len(verr.Violations) != 4 {
		t.Fatalf("got %v", verr)
	}
}

func TestCheckReportsTo(t *testing.T) {
	a, b := "a", "b"
	lines := map[string]*string{"a": nil, "b": &a, "c": &b}
	if err := CheckReportsTo("c", &a, lines); err != nil {
		t.Errorf("c → a: %v", err)
	}
	c := "c"
	if err := CheckReportsTo("a", &c, lines); err == nil {
		t.Error("a → c → b → a accepted")
	}
}
