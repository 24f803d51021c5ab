package reviews

import (
	"errors"
	"sort"
	"testing"
	"time"

	"summit/domain"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func fields(err error) []string {
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		return nil
	}
	var out []string
	for _, v := range verr.Violations {
		out = append(out, v.Field)
	}
	sort.Strings(out)
	return out
}

func TestCheckRetrospective(t *testing.T) {
	ok := Retrospective{HeldOn: day("2026-11-20"), Outcome: "at_risk", Happened: "Budget slipped a quarter",
		Actions: []Action{{Title: "Meet the finance bureau", DueOn: day("2026-12-01"), Status: "open"}}}
	if err := Check(ok); err != nil {
		t.Fatal(err)
	}
	bad := Retrospective{Outcome: "fine", Actions: []Action{{Status: "later"}}}
	got := fields(Check(bad))
	want := []string{"actions[0].due_on", "actions[0].status", "actions[0].title", "happened", "held_on", "outcome"}
	if len(got) != len(want) {
		t.Fatalf("fields = %v, want %v", got, want)
	}
}

func TestCheckDecision(t *testing.T) {
	today := day("2026-11-23")
	ok := GateDecision{Decision: "no_go", Rationale: "Specification written for a rival", DecidedOn: today}
	if err := CheckDecision(ok, true, today); err != nil {
		t.Fatal(err)
	}
	got := fields(CheckDecision(GateDecision{Decision: "maybe", DecidedOn: day("2026-12-01")}, false, today))
	if len(got) != 4 {
		t.Fatalf("fields = %v", got)
	}
}

func TestActionOverdue(t *testing.T) {
	today := day("2026-11-23")
	if !(Action{Status: "open", DueOn: day("2026-11-22")}).Overdue(today) || (Action{Status: "done", DueOn: day("2026-11-01")}).Overdue(today) || (Action{Status: "open", DueOn: today}).Overdue(today) {
		t.Error("overdue rule")
	}
}

func TestActionOwnedBy(t *testing.T) {
	li, empty := "u-li", ""
	tests := []struct {
		name   string
		owner  *string
		userID string
		want   bool
	}{
		{"the owner", &li, "u-li", true},
		{"someone else", &li, "u-wang", false},
		{"no owner", nil, "u-li", false},
		{"no user", &empty, "", false},
	}
	for _, tc := range tests {
		if got := (Action{OwnerID: tc.owner}).OwnedBy(tc.userID); got != tc.want {
			t.Errorf("%s: OwnedBy = %v, want %v", tc.name, got, tc.want)
		}
	}
}
