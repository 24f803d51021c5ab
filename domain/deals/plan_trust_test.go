package deals

import (
	"errors"
	"slices"
	"testing"
	"time"

	"summit/domain"
)

func baselineAt(id, taken string, committed bool) Baseline {
	return Baseline{ID: id, Name: "B" + id, TakenAt: d(taken), Committed: committed}
}

func TestCommittedBaseline(t *testing.T) {
	tests := []struct {
		name        string
		baselines   []Baseline // newest first, as the store lists them
		want        string     // "" for none
		rebaselines int
	}{
		{"no baseline", nil, "", 0},
		{"kick-off only", []Baseline{baselineAt("k", "2026-01-05", false)}, "k", 0},
		{"re-baselined twice: still the kick-off", []Baseline{baselineAt("c", "2026-03-01", false), baselineAt("b", "2026-02-01", false), baselineAt("k", "2026-01-05", false)}, "k", 2},
		{"the PMO committed to a later one", []Baseline{baselineAt("c", "2026-03-01", false), baselineAt("b", "2026-02-01", true), baselineAt("k", "2026-01-05", false)}, "b", 2},
		{"the first flagged as committed when taken", []Baseline{baselineAt("b", "2026-02-01", false), baselineAt("k", "2026-01-05", true)}, "k", 1},
	}
	for _, tc := range tests {
		got := CommittedBaseline(tc.baselines)
		if (got == nil && tc.want != "") || (got != nil && got.ID != tc.want) {
			t.Errorf("%s: committed %v, want %q", tc.name, got, tc.want)
		}
		if n := Rebaselines(tc.baselines); n != tc.rebaselines {
			t.Errorf("%s: re-baselined %d times, want %d", tc.name, n, tc.rebaselines)
		}
	}
}

func TestCheckCommit(t *testing.T) {
	bs := []Baseline{baselineAt("b", "2026-02-01", false), baselineAt("k", "2026-01-05", true)}
	tests := []struct {
		name, id, reason string
		wantField        string // a violation on this field
		wantNotFound     bool
		wantPrevious     string
	}{
		{"commit a later one with a reason", "b", "Customer moved the tender", "", false, "k"},
		{"no reason", "b", "  ", "reason", false, ""},
		{"already committed", "k", "again", "baseline_id", false, ""},
		{"another deal's baseline", "x", "why", "", true, ""},
	}
	for _, tc := range tests {
		target, prev, err := CheckCommit(bs, tc.id, tc.reason)
		var verr *domain.ValidationError
		switch {
		case tc.wantField != "":
			if !errors.As(err, &verr) || verr.Violations[0].Field != tc.wantField {
				t.Errorf("%s: %v, want a violation on %s", tc.name, err, tc.wantField)
			}
		case tc.wantNotFound:
			if !errors.Is(err, domain.ErrNotFound) {
				t.Errorf("%s: %v, want not found", tc.name, err)
			}
		default:
			if err != nil || target.ID != tc.id || prev == nil || prev.ID != tc.wantPrevious {
				t.Errorf("%s: %v %v %v", tc.name, target, prev, err)
			}
		}
	}
}

func TestSlipAgainstCommittedBaseline(t *testing.T) {
	// 17 days late against the kick-off plan; a baseline taken after the slip must not
	// make it read "on schedule".
	kickOff, rebaselined := d("2026-03-02"), d("2026-03-19")
	plan := []Milestone{{ID: "c", Key: KeyContractSigned, Gate: true, PlannedDue: d("2026-03-19"), BaselineDue: &kickOff}}
	if s := DealSlippage(plan); s.ContractSlip == nil || *s.ContractSlip != 17 {
		t.Fatalf("slip against the kick-off plan: %v, want 17", s.ContractSlip)
	}
	plan[0].BaselineDue = &rebaselined
	if s := DealSlippage(plan); *s.ContractSlip != 0 {
		t.Fatalf("against the newest baseline it reads %d", *s.ContractSlip)
	}
}

func gate(id, key, due string, status MilestoneStatus, deps ...string) Milestone {
	return Milestone{ID: id, Key: key, Gate: true, PlannedDue: d(due), Status: status, DependsOn: deps}
}

func step(id, due string, deps ...string) Milestone {
	return Milestone{ID: id, PlannedDue: d(due), Status: StatusPlanned, DependsOn: deps}
}

func TestPlanAfterTarget(t *testing.T) {
	target := d("2027-03-31")
	tests := []struct {
		name      string
		plan      []Milestone
		wantGate  string // "" for no warning
		wantAfter int
	}{
		{"contract gate after target", []Milestone{gate("a", "kickoff", "2027-01-10", StatusDone), gate("c", KeyContractSigned, "2027-07-15", StatusPlanned)}, "c", 106},
		{"contract gate on target", []Milestone{gate("c", KeyContractSigned, "2027-03-31", StatusPlanned)}, "", 0},
		{"contract gate before target, a later gate after it", []Milestone{gate("c", KeyContractSigned, "2027-03-01", StatusPlanned), gate("h", "handover", "2027-05-01", StatusPlanned)}, "", 0},
		{"no contract gate: the last gate", []Milestone{gate("g1", "", "2027-05-01", StatusPlanned), gate("g2", "", "2027-04-02", StatusPlanned), step("s", "2027-09-01")}, "g1", 31},
		{"contract signed already", []Milestone{gate("c", KeyContractSigned, "2027-07-15", StatusDone)}, "", 0},
		{"no gates", []Milestone{step("s", "2027-09-01")}, "", 0},
	}
	for _, tc := range tests {
		got := PlanAfterTarget(tc.plan, target)
		if tc.wantGate == "" {
			if got != nil {
				t.Errorf("%s: warned about %s", tc.name, got.Gate.ID)
			}
			continue
		}
		if got == nil || got.Gate.ID != tc.wantGate || got.DaysAfter != tc.wantAfter {
			t.Errorf("%s: %+v, want %s %d days after", tc.name, got, tc.wantGate, tc.wantAfter)
		}
	}
}

func TestTemplateCheckTarget(t *testing.T) {
	tpl := Template{Milestones: []TemplateMilestone{
		{Key: "kickoff", DurationDays: 5, Gate: true},
		{Key: "tender", DurationDays: 40, DependsOn: []int{0}},
		{Key: KeyContractSigned, DurationDays: 10, Gate: true, DependsOn: []int{1}},
	}}
	start := d("2027-01-04") // a Monday; 55 working days: contract due 2027-03-19
	tests := []struct {
		name      string
		target    string
		wantAfter bool
	}{
		{"target after the contract gate", "2027-06-30", false},
		{"target before it", "2027-02-26", true},
	}
	for _, tc := range tests {
		got := tpl.CheckTarget(start, d(tc.target))
		if got.Gate == nil || got.Gate.Key != KeyContractSigned {
			t.Fatalf("%s: gate %v", tc.name, got.Gate)
		}
		if (got.DaysAfter > 0) != tc.wantAfter {
			t.Errorf("%s: %d days after", tc.name, got.DaysAfter)
		}
		if !tc.wantAfter {
			continue
		}
		if got.StartToMeet == nil {
			t.Fatalf("%s: no start to meet the target", tc.name)
		}
		moved := CloseGate(tpl.LayOut(*got.StartToMeet))
		if moved.PlannedDue.After(d(tc.target)) || moved.PlannedDue.Before(d(tc.target).AddDate(0, 0, -7)) {
			t.Errorf("%s: starting %s puts the gate on %s", tc.name, got.StartToMeet.Format(time.DateOnly), moved.PlannedDue.Format(time.DateOnly))
		}
	}
}

func TestCriticalPath(t *testing.T) {
	tests := []struct {
		name string
		plan []Milestone
		want []string
	}{
		{"the dependency due last drives", []Milestone{
			step("a", "2027-01-10"), step("b", "2027-02-10", "a"), step("x", "2027-01-20", "a"),
			gate("c", KeyContractSigned, "2027-03-01", StatusPlanned, "b", "x"), step("after", "2027-06-01", "c"),
		}, []string{"a", "b", "c"}},
		{"no gates: ends at the milestone due last", []Milestone{step("a", "2027-01-10"), step("b", "2027-02-10", "a"), step("z", "2027-01-01")}, []string{"a", "b"}},
		{"a gate with no dependencies", []Milestone{step("a", "2027-01-10"), gate("g", "", "2027-02-01", StatusPlanned)}, []string{"g"}},
		{"empty plan", nil, nil},
	}
	for _, tc := range tests {
		if got := CriticalPath(tc.plan); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
