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

func TestCheckManager(t *testing.T) {
	a, b, other := "a", "b", "x"
	lines := map[string]*string{"a": nil, "b": &a, "c": &b}
	c := "c"
	tests := []struct {
		name      string
		contactID string
		manager   *string
		wantCode  string // "" when accepted
	}{
		{"no manager", "a", nil, ""},
		{"a manager higher up", "c", &a, ""},
		{"a new contact under anyone", "", &c, ""},
		{"a contact of another customer", "c", &other, "exists"},
		{"the person themself", "a", &a, "reports_cycle"},
		{"someone who reports to them", "a", &c, "reports_cycle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertField(t, CheckManager(tt.contactID, tt.manager, lines), "reports_to_id", tt.wantCode)
		})
	}
}

func TestCheckNewStakeholderManager(t *testing.T) {
	m := "m"
	tests := []struct {
		name     string
		in       NewStakeholder
		wantCode string
	}{
		{"a new contact with a manager", NewStakeholder{ContactName: "Zhao", ReportsToID: &m}, ""},
		{"a new contact without one", NewStakeholder{ContactName: "Zhao"}, ""},
		{"an existing contact without one", NewStakeholder{Stakeholder: Stakeholder{ContactID: "c"}}, ""},
		{"an existing contact with one", NewStakeholder{Stakeholder: Stakeholder{ContactID: "c"}, ReportsToID: &m}, "new_contact_only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertField(t, CheckNewStakeholderManager(tt.in), "reports_to_id", tt.wantCode)
		})
	}
}

// assertField checks err is nil when wantCode is "", else a validation error with wantCode on field.
func assertField(t *testing.T, err error, field, wantCode string) {
	t.Helper()
	if wantCode == "" {
		if err != nil {
			t.Fatalf("refused: %v", err)
		}
		return
	}
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("err = %v, want a validation error", err)
	}
	if len(verr.Violations) != 1 || verr.Violations[0].Field != field || verr.Violations[0].Rule != wantCode {
		t.Fatalf("violations %+v, want %s on %s", verr.Violations, wantCode, field)
	}
}
