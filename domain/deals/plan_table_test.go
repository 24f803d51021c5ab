package deals

import (
	"errors"
	"sort"
	"strconv"
	"testing"

	"summit/domain"
)

func TestPlanRoundTripsThroughRows(t *testing.T) {
	plan := BuiltinTemplates[0].LayOut(d("2026-11-23"))
	for i := range plan {
		plan[i].ID = "m" + plan[i].Name // stored ids are not indexes
		for j, dep := range plan[i].DependsOn {
			plan[i].DependsOn[j] = "m" + BuiltinTemplates[0].Milestones[mustAtoi(dep)].Name
		}
	}
	back, err := RowsToPlan(PlanToRows(plan), d("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(plan) {
		t.Fatalf("%d milestones back, want %d", len(back), len(plan))
	}
	for i := range plan {
		a, b := plan[i], back[i]
		if a.Name != b.Name || a.NameZh != b.NameZh || a.OwnerRole != b.OwnerRole || a.Gate != b.Gate || a.Weight != b.Weight ||
			!a.PlannedStart.Equal(b.PlannedStart) || !a.PlannedDue.Equal(b.PlannedDue) || len(a.DependsOn) != len(b.DependsOn) {
			t.Errorf("row %d: %+v != %+v", i, a, b)
		}
	}
}

func TestRowsToPlanReportsEveryBadCell(t *testing.T) {
	rows := [][]string{
		{},
		{"里程碑", "负责角色", "计划开始", "计划完成", "前置", "关口"}, // Chinese headers, no seq column
		{"Need shaping", "business", "2026/11/23", "2026-12-18", "", "是"},
		{"", "sales", "tomorrow", "2026-12-01", "1", "maybe"},
		{"Bid", "pmo", "2026-12-10", "2026-12-01", "9", ""},
		{"", "", "", "", "", ""},
	}
	_, err := RowsToPlan(rows, d("2026-11-23"))
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, v := range verr.Violations {
		got = append(got, v.Field+" "+v.Rule)
	}
	sort.Strings(got)
	want := []string{"rows[4].gate boolean", "rows[4].name required", "rows[4].owner_role oneof", "rows[4].planned_start date", "rows[5].depends_on exists", "rows[5].planned_due after_start"}
	if len(got) != len(want) {
		t.Fatalf("problems = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d = %s, want %s", i, got[i], want[i])
		}
	}
}

func TestRowsToPlanNeedsItsColumnsAndRefusesCycles(t *testing.T) {
	var verr *domain.ValidationError
	if _, err := RowsToPlan([][]string{{"name", "owner_role"}}, d("2026-11-23")); !errors.As(err, &verr) || verr.Violations[0].Rule != "missing_column" {
		t.Fatalf("missing columns: %v", err)
	}
	cyclic := [][]string{
		{"seq", "name", "owner_role", "planned_start", "planned_due", "depends_on"},
		{"10", "A", "pmo", "2026-11-23", "2026-11-24", "20"},
		{"20", "B", "pmo", "2026-11-25", "2026-11-26", "10"},
	}
	if _, err := RowsToPlan(cyclic, d("2026-11-23")); !errors.As(err, &verr) || verr.Violations[0].Rule != "cycle" {
		t.Fatalf("cycle: %v", err)
	}
}

func mustAtoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(err)
	}
	return n
}

func TestRowsToPlanHoldsAtMostMaxPlanMilestones(t *testing.T) {
	sheet := func(n int) [][]string {
		rows := [][]string{{"name", "owner_role", "planned_start", "planned_due"}, {}}
		for i := range n {
			rows = append(rows, []string{"Step " + strconv.Itoa(i+1), "pmo", "2026-11-23", "2026-11-24"}, nil)
		}
		return rows
	}
	tests := []struct {
		name string
		rows int
		want string // the rule broken, "" for none
	}{
		{"the most, blank rows between them", MaxPlanMilestones, ""},
		{"one more", MaxPlanMilestones + 1, "max_rows 2000"},
	}
	for _, tc := range tests {
		plan, err := RowsToPlan(sheet(tc.rows), d("2026-11-23"))
		var verr *domain.ValidationError
		switch {
		case tc.want == "" && (err != nil || len(plan) != tc.rows):
			t.Errorf("%s: %d milestones, %v", tc.name, len(plan), err)
		case tc.want != "" && (!errors.As(err, &verr) || verr.Violations[0].Field != "file" || verr.Violations[0].Rule+" "+verr.Violations[0].Param != tc.want):
			t.Errorf("%s: %v, want %s on file", tc.name, err, tc.want)
		}
	}
}

func TestRowsToPlanRefusesDatesOutsideTheRange(t *testing.T) {
	rows := [][]string{
		{"name", "owner_role", "planned_start", "planned_due"},
		{"Kick-off", "pmo", "0000-01-01", "9999-12-31"},
	}
	_, err := RowsToPlan(rows, d("2026-11-23"))
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("got %v", err)
	}
	got := map[string]string{}
	for _, v := range verr.Violations {
		got[v.Field] = v.Rule + " " + v.Param
	}
	for _, field := range []string{"rows[2].planned_start", "rows[2].planned_due"} {
		if got[field] != "date_range "+DateRangeText {
			t.Errorf("%s: %q, want date_range (all: %v)", field, got[field], got)
		}
	}
}
