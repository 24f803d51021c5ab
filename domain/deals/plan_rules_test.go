package deals

import (
	"errors"
	"testing"
	"time"

	"summit/domain"
)

func TestApplyStatus(t *testing.T) {
	today := d("2026-11-23")
	yesterday, tomorrow := d("2026-11-22"), d("2026-11-24")
	open := []Milestone{{Name: "Budget", Status: StatusInProgress}, {Name: "Survey", Status: StatusDone}}
	closed := []Milestone{{Name: "Budget", Status: StatusSkipped}, {Name: "Survey", Status: StatusDone}}
	tests := []struct {
		name      string
		ch        StatusChange
		deps      []Milestone
		wantField string
		wantDone  string
	}{
		{"done with open dependency", StatusChange{To: StatusDone}, open, "status", ""},
		{"done when dependencies finished, today by default", StatusChange{To: StatusDone}, closed, "", "2026-11-23"},
		{"done on a past date", StatusChange{To: StatusDone, CompletedOn: &yesterday}, closed, "", "2026-11-22"},
		{"done in the future", StatusChange{To: StatusDone, CompletedOn: &tomorrow}, closed, "completed_on", ""},
		{"blocked without reason", StatusChange{To: StatusBlocked, Reason: " "}, nil, "status_reason", ""},
		{"blocked with reason", StatusChange{To: StatusBlocked, Reason: "Budget frozen"}, nil, "", ""},
		{"unknown status", StatusChange{To: "paused"}, nil, "status", ""},
	}
	for _, tc := range tests {
		m := Milestone{Name: "Bid", Status: StatusPlanned}
		got, err := ApplyStatus(m, tc.ch, tc.deps, today)
		if tc.wantField != "" {
			var verr *domain.ValidationError
			if !errors.As(err, &verr) || verr.Violations[0].Field != tc.wantField {
				t.Errorf("%s: err %v, want field %s", tc.name, err, tc.wantField)
			}
			continue
		}
		if err != nil || got.Status != tc.ch.To {
			t.Errorf("%s: %+v %v", tc.name, got, err)
			continue
		}
		if tc.wantDone != "" && (got.CompletedOn == nil || got.CompletedOn.Format(DateLayout) != tc.wantDone) {
			t.Errorf("%s: completed_on %v, want %s", tc.name, got.CompletedOn, tc.wantDone)
		}
	}
	// Reopening a done milestone clears completed_on.
	done, _ := ApplyStatus(Milestone{Status: StatusPlanned}, StatusChange{To: StatusDone}, nil, today)
	reopened, _ := ApplyStatus(done, StatusChange{To: StatusInProgress}, nil, today)
	if reopened.CompletedOn != nil {
		t.Error("completed_on kept after reopening")
	}
}

func TestReschedulePushesOnlyDependentsWithoutSlack(t *testing.T) {
	ms := func(id string, seq int, start, due string, deps ...string) Milestone {
		return Milestone{ID: id, Name: id, Sequence: seq, PlannedStart: d(start), PlannedDue: d(due), Status: StatusPlanned, DependsOn: deps}
	}
	plan := []Milestone{
		ms("A", 1, "2026-11-23", "2026-11-25"),
		ms("B", 2, "2026-11-26", "2026-11-27", "A"),      // no slack: moves
		ms("C", 3, "2026-12-07", "2026-12-08", "A"),      // slack: stays
		ms("D", 4, "2026-11-30", "2026-12-01", "B"),      // moves because B moves
		ms("E", 5, "2026-12-02", "2026-12-02", "D", "C"), // moves after D
		ms("F", 6, "2026-11-23", "2026-11-23"),           // unrelated
	}
	moves := Reschedule(plan, "A", d("2026-11-23"), d("2026-12-01")) // A due 4 working days later
	got := map[string]string{}
	for _, m := range moves {
		got[m.MilestoneID] = m.ToStart.Format(DateLayout) + "/" + m.ToDue.Format(DateLayout)
	}
	want := map[string]string{
		"A": "2026-11-23/2026-12-01",
		"B": "2026-12-02/2026-12-03",
		"D": "2026-12-04/2026-12-07",
		"E": "2026-12-09/2026-12-09", // after the later of D (12-07) and C (12-08)
	}
	if len(got) != len(want) {
		t.Fatalf("moves = %v, want %v", got, want)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s → %s, want %s", id, got[id], w)
		}
	}
	if moves[0].MilestoneID != "A" || moves[1].MilestoneID != "B" {
		t.Errorf("order = %v", moves)
	}
	if !moves[1].FromStart.Equal(d("2026-11-26")) {
		t.Errorf("B's from date lost: %v", moves[1].FromStart)
	}
}

func TestDealSlippage(t *testing.T) {
	base := func(s string) *time.Time { v := d(s); return &v }
	plan := []Milestone{
		{ID: "1", Gate: true, Status: StatusDone, PlannedDue: d("2026-11-10"), BaselineDue: base("2026-11-05")},
		{ID: "2", Gate: false, Status: StatusPlanned, PlannedDue: d("2026-11-30"), BaselineDue: base("2026-11-20")},
		{ID: "3", Gate: true, Status: StatusPlanned, PlannedDue: d("2026-12-10"), BaselineDue: base("2026-12-01")},
		{ID: "4", Gate: true, Key: KeyContractSigned, Status: StatusPlanned, PlannedDue: d("2027-01-10"), BaselineDue: base("2026-12-20")},
	}
	s := DealSlippage(plan)
	if s.NextGateID == nil || *s.NextGateID != "3" || *s.NextGateSlip != 9 || *s.ContractSlip != 21 {
		t.Fatalf("slippage = next %v/%v contract %v", s.NextGateID, s.NextGateSlip, s.ContractSlip)
	}
	if none := DealSlippage([]Milestone{{ID: "x", Gate: true}}); none.NextGateSlip != nil || none.ContractSlip != nil {
		t.Fatal("slippage without a baseline")
	}
}
