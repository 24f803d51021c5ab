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

func TestGateRisks(t *testing.T) {
	today := day("2026-11-23")
	dm := func(stance Stance, last string) Stakeholder {
		s := Stakeholder{DecisionRole: "decision_maker", Stance: stance}
		if last != "" {
			s.LastContactOn = ptrTime(last)
		}
		return s
	}
	gates := []Gate{
		{Name: "soon, blocker", Due: day("2026-12-01"), Stakeholders: []Stakeholder{dm("blocker", "2026-11-20")}},
		{Name: "soon, neutral but silent", Due: day("2026-12-01"), Stakeholders: []Stakeholder{dm("neutral", "2026-09-01")}},
		{Name: "soon, never contacted", Due: day("2026-11-30"), Stakeholders: []Stakeholder{dm("supporter", "")}},
		{Name: "soon, fine", Due: day("2026-11-30"), Stakeholders: []Stakeholder{dm("champion", "2026-11-20"), {DecisionRole: "user", Stance: "blocker"}}},
		{Name: "far, blocker", Due: day("2027-03-01"), Stakeholders: []Stakeholder{dm("blocker", "")}},
	}
	risks := GateRisks(gates, today, 30, 30)
	got := map[string]string{}
	for _, r := range risks {
		got[r.Gate.Name] = r.Reason
	}
	want := map[string]string{"soon, blocker": "stance", "soon, neutral but silent": "not_contacted", "soon, never contacted": "not_contacted"}
	if len(got) != len(want) {
		t.Fatalf("risks = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

func TestOverdueAndCoverage(t *testing.T) {
	today := day("2026-11-23")
	if !Overdue(Stakeholder{NextStep: "Call", NextStepDue: ptrTime("2026-11-22")}, today) || Overdue(Stakeholder{NextStep: "Call", NextStepDue: ptrTime("2026-11-23")}, today) || Overdue(Stakeholder{NextStepDue: ptrTime("2026-01-01")}, today) {
		t.Error("overdue rule")
	}
	c := CoverageOf([]Stakeholder{{DecisionRole: "decision_maker", Stance: "neutral"}, {DecisionRole: "coach", Stance: "champion"}})
	if !c.HasDecisionMaker || !c.HasChampion || CoverageOf(nil).HasChampion {
		t.Errorf("coverage = %+v", c)
	}
}
