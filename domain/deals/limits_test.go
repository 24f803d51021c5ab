package deals

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"summit/domain"
)

// violations maps each field of a ValidationError to its rule.
func violations(t *testing.T, err error) map[string]string {
	t.Helper()
	var verr *domain.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("err = %v, want a ValidationError", err)
	}
	out := map[string]string{}
	for _, v := range verr.Violations {
		out[v.Field] = v.Rule
	}
	return out
}

// TestTemplateCheckBoundsEveryStep: the domain refuses what the API refuses, for callers
// that do not come through it.
func TestTemplateCheckBoundsEveryStep(t *testing.T) {
	step := func(edit func(*TemplateMilestone)) Template {
		m := TemplateMilestone{Name: "Qualify", OwnerRole: RolePMO, Weight: 10, DurationDays: 5}
		edit(&m)
		return Template{Name: "t", NameZh: "模板", Segment: SegmentG2B, Milestones: []TemplateMilestone{m}}
	}
	cases := []struct {
		name  string
		tpl   Template
		field string // "" when the template is valid
	}{
		{"weight at the limit", step(func(m *TemplateMilestone) { m.Weight = domain.MaxWeight }), ""},
		{"weight over", step(func(m *TemplateMilestone) { m.Weight = domain.MaxWeight + 1 }), "milestones[0].weight"},
		{"weight past int32", step(func(m *TemplateMilestone) { m.Weight = 1 << 31 }), "milestones[0].weight"},
		{"duration at the limit", step(func(m *TemplateMilestone) { m.DurationDays = domain.MaxDurationDays }), ""},
		{"duration over", step(func(m *TemplateMilestone) { m.DurationDays = 1 << 31 }), "milestones[0].duration_days"},
		{"duration zero", step(func(m *TemplateMilestone) { m.DurationDays = 0 }), "milestones[0].duration_days"},
		{"step name over", step(func(m *TemplateMilestone) { m.Name = strings.Repeat("名", domain.MaxTitleLen+1) }), "milestones[0].name"},
		{"exit criteria over", step(func(m *TemplateMilestone) { m.ExitCriteria = strings.Repeat("x", domain.MaxTextLen+1) }), "milestones[0].exit_criteria"},
		{"name over", Template{Name: strings.Repeat("n", domain.MaxNameLen+1), NameZh: "z", Segment: SegmentG2B,
			Milestones: []TemplateMilestone{{Name: "a", OwnerRole: RolePMO, DurationDays: 1}}}, "name"},
		{"too many steps", Template{Name: "n", NameZh: "z", Segment: SegmentG2B,
			Milestones: make([]TemplateMilestone, domain.MaxTemplateSteps+1)}, "milestones"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.tpl.Check()
			if c.field == "" {
				if err != nil {
					t.Fatalf("Check() = %v, want valid", err)
				}
				return
			}
			if _, ok := violations(t, err)[c.field]; !ok {
				t.Fatalf("Check() = %v, want a violation on %s", err, c.field)
			}
		})
	}
}

func TestPlanImportBoundsWeightsAndTexts(t *testing.T) {
	header := []string{"name", "owner_role", "weight", "planned_start", "planned_due", "exit_criteria"}
	cases := []struct {
		name, weight, title, exit string
		field                     string
	}{
		{"at the limits", strconv.Itoa(domain.MaxWeight), strings.Repeat("名", domain.MaxTitleLen), strings.Repeat("x", domain.MaxTextLen), ""},
		{"weight over", strconv.Itoa(domain.MaxWeight + 1), "Qualify", "", "rows[2].weight"},
		{"weight past int32", "2147483648", "Qualify", "", "rows[2].weight"},
		{"name over", "1", strings.Repeat("名", domain.MaxTitleLen+1), "", "rows[2].name"},
		{"exit criteria over", "1", "Qualify", strings.Repeat("x", domain.MaxTextLen+1), "rows[2].exit_criteria"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := [][]string{header, {c.title, "pmo", c.weight, "2026-11-23", "2026-11-27", c.exit}}
			_, err := RowsToPlan(rows, d("2026-11-23"))
			if c.field == "" {
				if err != nil {
					t.Fatalf("RowsToPlan = %v, want valid", err)
				}
				return
			}
			if _, ok := violations(t, err)[c.field]; !ok {
				t.Fatalf("RowsToPlan = %v, want a violation on %s", err, c.field)
			}
		})
	}
}
