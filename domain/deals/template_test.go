package deals

import (
	"errors"
	"testing"

	"summit/domain"
)

func TestBuiltinTemplatesAreValidAndEndInAContractGate(t *testing.T) {
	for _, tpl := range BuiltinTemplates {
		if err := tpl.Check(); err != nil {
			t.Errorf("%s: %v", tpl.Key, err)
		}
		found, weight := false, 0
		for _, m := range tpl.Milestones {
			weight += m.Weight
			if m.Key == KeyContractSigned {
				found = m.Gate
				if weight != 100 {
					t.Errorf("%s: weight up to contract signing = %d, want 100 (the ladder ends at signed = 100 %%)", tpl.Key, weight)
				}
			}
			if m.NameZh == "" {
				t.Errorf("%s: %s has no Chinese name", tpl.Key, m.Name)
			}
		}
		if !found {
			t.Errorf("%s has no contract-signing gate", tpl.Key)
		}
	}
}

func TestLayOutFollowsDurationsAndDependencies(t *testing.T) {
	tpl := Template{Name: "t", NameZh: "t", Segment: SegmentG2B, Milestones: []TemplateMilestone{
		{Name: "A", OwnerRole: RolePMO, DurationDays: 3},
		{Name: "B", OwnerRole: RolePMO, DurationDays: 2, DependsOn: []int{0}},
		{Name: "C", OwnerRole: RoleSolution, DurationDays: 5, DependsOn: []int{0}},
		{Name: "D", OwnerRole: RoleBusiness, DurationDays: 1, DependsOn: []int{1, 2}},
		{Name: "E", OwnerRole: RoleBusiness, DurationDays: 1},
	}}
	// Start on Saturday 2026-11-21: work begins Monday the 23rd.
	plan := tpl.LayOut(d("2026-11-21"))
	want := []struct{ start, due string }{
		{"2026-11-23", "2026-11-25"}, // A: Mon–Wed
		{"2026-11-26", "2026-11-27"}, // B: Thu–Fri after A
		{"2026-11-26", "2026-12-02"}, // C: Thu + 4 working days
		{"2026-12-03", "2026-12-03"}, // D after the later of B and C
		{"2026-11-23", "2026-11-23"}, // E: no dependencies
	}
	for i, w := range want {
		m := plan[i]
		if m.PlannedStart.Format(DateLayout) != w.start || m.PlannedDue.Format(DateLayout) != w.due {
			t.Errorf("%s: %s–%s, want %s–%s", m.Name, m.PlannedStart.Format(DateLayout), m.PlannedDue.Format(DateLayout), w.start, w.due)
		}
	}
	if len(plan[3].DependsOn) != 2 || plan[3].Sequence != 4 || plan[3].Status != StatusPlanned {
		t.Errorf("D = %+v", plan[3])
	}
}

func TestTemplateCheck(t *testing.T) {
	bad := Template{Name: "", NameZh: "x", Segment: "retail", Milestones: []TemplateMilestone{
		{Name: "A", OwnerRole: "sales", DurationDays: 0, DependsOn: []int{0}},
	}}
	var verr *domain.ValidationError
	if !errors.As(bad.Check(), &verr) {
		t.Fatal("bad template accepted")
	}
	fields := map[string]bool{}
	for _, v := range verr.Violations {
		fields[v.Field] = true
	}
	for _, f := range []string{"name", "segment", "milestones[0].owner_role", "milestones[0].duration_days", "milestones[0].depends_on"} {
		if !fields[f] {
			t.Errorf("%s not reported: %v", f, verr.Violations)
		}
	}
}
